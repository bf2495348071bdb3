package org.venuegate.api;

import org.venuegate.core.code.Colour;

/** Colour change by an admin. */
public record ColourChange(Colour colour, String reason, String followUp) {
}
