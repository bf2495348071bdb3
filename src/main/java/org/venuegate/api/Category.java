package org.venuegate.api;

/** An industry classification (FAQ site-code 6). */
public record Category(String code, String nameZh, String nameEn) {
    /** The name in the screen's language. */
    public String name(boolean english) {
        return english ? nameEn : nameZh;
    }
}
