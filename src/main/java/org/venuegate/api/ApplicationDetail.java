package org.venuegate.api;

import java.util.List;

/** The full view: the application, its history, the automatic checks, and the one it replaces. */
public record ApplicationDetail(Application application, List<ApplicationEvent> history, List<ApplicationCheck> checks,
                                Application replaces, List<Application> possibleDuplicates) {
}
