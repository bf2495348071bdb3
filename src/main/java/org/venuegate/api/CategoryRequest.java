package org.venuegate.api;

/** An admin adds an industry category. */
public record CategoryRequest(String code, String nameZh, String nameEn) {
}
