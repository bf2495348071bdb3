package org.venuegate.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.client.HubSession;

/**
 * A hub refusal in the screen's language, chosen by the hub's {@code error} code; the hub's English detail goes to
 * the log, never to the screen.
 */
public final class HubErrors {
    private static final Logger LOG = LoggerFactory.getLogger(HubErrors.class);

    private HubErrors() {
    }

    public static String message(Lang lang, HubSession.HubException e) {
        LOG.info("hub answered {} {}: {}", e.status(), e.code(), e.getMessage());
        if (e.unreachable()) {
            return lang.get("hub.error.UNREACHABLE");
        }
        String key = "hub.error." + e.code();
        String text = lang.get(key);
        if (text.equals(key)) {
            return lang.get("hub.error.OTHER");
        }
        if ("INVALID_FIELD".equals(e.code()) && e.field() != null) {
            String field = lang.get("review.field." + e.field());
            return lang.get("hub.error.INVALID_FIELD.named", field.startsWith("review.field.") ? e.field() : field);
        }
        return text;
    }
}
