package org.venuegate.core.code;

/** The two kinds of VenueGate QR text. Each has its own prefix so one can never be parsed as the other. */
public enum CodeKind {
    /** The poster QR a venue displays ("place code" / "site code" in the FAQ). */
    VENUE('V'),
    /** The citizen's health code after scanning a venue code. */
    HEALTH('H');

    final char letter;

    CodeKind(char letter) {
        this.letter = letter;
    }

    /** Prefix of the current format version, e.g. {@code VGV1:}. The colon ends the prefix; Base45 follows. */
    public String prefix() {
        return prefix(CodeFormat.CURRENT_VERSION);
    }

    String prefix(int version) {
        return "VG" + letter + version + ":";
    }

    static CodeKind fromLetter(char c) {
        for (CodeKind k : values()) {
            if (k.letter == c) {
                return k;
            }
        }
        return null;
    }
}
