package org.venuegate.api;

import java.util.List;

/** One page of the application list. */
public record ApplicationPage(List<Application> items, long total, int page, int size) {
}
