package org.venuegate.review;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.api.AuditEntry;
import org.venuegate.api.AuditMessage;
import org.venuegate.api.Role;
import org.venuegate.ui.Lang;

/**
 * An audit entry's detail in the screen's language: its {@link AuditMessage} worded from the bundle, with times,
 * durations, colours, roles and districts localized and what a person typed (reasons, labels, case references)
 * as typed. An entry without a message (written before messages existed), or with one this version cannot word,
 * shows the hub's sentence as it is: better an English sentence than nothing.
 */
final class AuditWording {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWording.class);

    private AuditWording() {
    }

    static String detail(Lang lang, AuditEntry e) {
        return worded(lang, e).orElse(e.detail() == null ? "" : e.detail());
    }

    /** The detail from its message, or empty when the entry has none this version can word. */
    static Optional<String> worded(Lang lang, AuditEntry e) {
        Optional<AuditMessage> m = AuditMessage.of(e.detailKey());
        if (m.isEmpty() || m.get().args().size() != e.detailArgs().size()) {
            return Optional.empty();
        }
        List<Object> args = new ArrayList<>();
        try {
            for (int i = 0; i < e.detailArgs().size(); i++) {
                args.add(argument(lang, m.get().args().get(i), e.detailArgs().get(i)));
            }
        } catch (RuntimeException bad) {
            LOG.warn("Audit entry {}: cannot word {} {}; showing its text", e.id(), e.detailKey(), e.detailArgs(), bad);
            return Optional.empty();
        }
        return Optional.of(lang.get("bo.audit.detail." + m.get().name(), args.toArray()));
    }

    private static String argument(Lang lang, AuditMessage.Arg kind, String v) {
        if (v == null) {
            return lang.get("bo.none");
        }
        return switch (kind) {
            case TEXT, ID -> v;
            case COUNT -> NumberFormat.getIntegerInstance(lang.locale()).format(Long.parseLong(v));
            case INSTANT -> BackOffice.time(Instant.parse(v));
            case DURATION -> BackOffice.duration(lang, Duration.parse(v));
            case DAYS -> lang.get("bo.audit.days", Integer.parseInt(v));
            case COLOUR -> known(lang, "bo.trace.colour." + v);
            case ROLE -> BackOffice.role(lang, Role.valueOf(v));
            case KEY_ROLE -> known(lang, "bo.key.role." + v);
            case DISTRICT -> BackOffice.district(lang, Integer.valueOf(v));
            case ACTIVE -> lang.get(Boolean.parseBoolean(v) ? "bo.user.active" : "bo.user.disabled");
        };
    }

    /** A constant's name from the bundle; one the bundle does not know fails the wording rather than show the constant. */
    private static String known(Lang lang, String key) {
        if (!lang.bundle().containsKey(key)) {
            throw new IllegalArgumentException("no text for " + key);
        }
        return lang.get(key);
    }
}
