package org.venuegate.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Applications per status; on the wire the status names are the keys. */
@JsonPropertyOrder({"UNDER_REVIEW", "PASSED", "FAILED"})
public record ApplicationCounts(@JsonProperty("UNDER_REVIEW") long underReview, @JsonProperty("PASSED") long passed,
                                @JsonProperty("FAILED") long failed) {
    public long of(ApplicationStatus status) {
        return switch (status) {
            case UNDER_REVIEW -> underReview;
            case PASSED -> passed;
            case FAILED -> failed;
        };
    }
}
