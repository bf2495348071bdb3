package org.venuegate.hub.auth;

/**
 * The authenticated caller.
 *
 * @param district   a reviewer's district (null: all districts)
 * @param subjectId  a citizen's own pseudonymous subject
 * @param venueId    a kiosk device's venue
 */
public record Principal(Role role, long id, String name, Integer district, Long subjectId, Long venueId) {
    /** Name used in the audit log and application history. */
    public String actor() {
        return role == Role.DEVICE ? "device:" + id : name;
    }
}
