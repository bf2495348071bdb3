package org.venuegate.api;

import java.time.LocalDate;

/** Applications submitted and decided on one Tianjin day. */
public record DayCount(LocalDate day, long submitted, long decided) {
}
