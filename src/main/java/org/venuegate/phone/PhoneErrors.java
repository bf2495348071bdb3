package org.venuegate.phone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.client.HubSession.HubException;
import org.venuegate.ui.Lang;

/**
 * What the phone says when a call fails: a message in the screen's language chosen by the hub's {@code error} code
 * (or the HTTP status when the code is not one the phone knows). The hub's English detail goes to the log only.
 */
final class PhoneErrors {
    private static final Logger LOG = LoggerFactory.getLogger(PhoneErrors.class);

    private PhoneErrors() {
    }

    static String message(Lang lang, Throwable e) {
        if (!(e instanceof HubException h)) {
            LOG.warn("phone: unexpected failure", e);
            return lang.get("phone.hub.other");
        }
        LOG.info("phone: hub answered {} {}: {}", h.status(), h.code(), h.getMessage());
        String key = switch (h.code() == null ? "" : h.code()) {
            case "BAD_CREDENTIALS" -> "phone.hub.badCredentials";
            case "TOO_MANY_ATTEMPTS" -> "phone.hub.tooManyAttempts";
            case "UNAUTHENTICATED" -> "phone.hub.sessionExpired";
            case "AGENT_NOT_ALLOWED" -> "phone.hub.agentNotAllowed";
            case "FORBIDDEN" -> "phone.hub.forbidden";
            case "NOT_FOUND" -> "phone.hub.notFound";
            case "VENUE_REVOKED" -> "phone.hub.venueRevoked";
            case "INVALID_VENUE_CODE" -> "phone.hub.invalidVenueCode";
            case "POSTER_SELF_TEST_FAILED", "POSTER_FONT_MISSING" -> "phone.hub.posterUnavailable";
            default -> byStatus(h.status());
        };
        return lang.get(key);
    }

    private static String byStatus(int status) {
        if (status == 0 || status == 502 || status == 503 || status == 504) {
            return "phone.hub.unreachable";
        }
        if (status == 401) {
            return "phone.hub.sessionExpired";
        }
        if (status == 403) {
            return "phone.hub.forbidden";
        }
        if (status == 404) {
            return "phone.hub.notFound";
        }
        if (status == 429) {
            return "phone.hub.tooManyAttempts";
        }
        if (status >= 400 && status < 500) {
            return "phone.hub.badRequest";
        }
        return "phone.hub.other";
    }

    /** A failure the hub reported for one field of the application form, in the screen's language. */
    static String fieldMessage(Lang lang, HubException h) {
        LOG.info("phone: hub refused field {}: {}", h.field(), h.getMessage());
        return lang.get("phone.app.error.hubRefused");
    }
}
