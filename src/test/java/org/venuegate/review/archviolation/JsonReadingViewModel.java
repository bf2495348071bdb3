package org.venuegate.review.archviolation;

import com.fasterxml.jackson.databind.JsonNode;

/** Deliberately reads raw JSON (test sources only) to prove the view-model rule can fail, nested records included. */
public final class JsonReadingViewModel {
    /** A row built from a JSON node. */
    public record Row(String name) {
        static Row of(JsonNode n) {
            return new Row(n.get("name").asText());
        }
    }
}
