package org.venuegate.poster;

/**
 * How the poster is printed (FAQ site-code 3: colour or black and white, either works).
 * {@link #MONO} is pure black on white, so a black-and-white printer or copier loses nothing.
 */
public enum ColourMode {
    COLOUR,
    MONO
}
