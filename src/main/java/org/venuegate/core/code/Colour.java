package org.venuegate.core.code;

/** Health-code colour. The wire value is the ordinal-independent {@link #wire} so reordering never changes codes. */
public enum Colour {
    GREEN(0), YELLOW(1), RED(2);

    final int wire;

    Colour(int wire) {
        this.wire = wire;
    }

    static Colour fromWire(int value) {
        for (Colour c : values()) {
            if (c.wire == value) {
                return c;
            }
        }
        return null;
    }
}
