package org.venuegate.api;

import java.util.List;

/** A citizen's own code and the dependants they may switch to (FAQ 14, 19). */
public record Me(Citizen self, List<Citizen> dependants) {
}
