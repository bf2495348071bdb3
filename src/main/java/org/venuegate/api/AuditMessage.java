package org.venuegate.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the detail of an audit entry says, as a message a screen words in its own language
 * ({@link AuditEntry#detailKey()}), with the kinds of its arguments ({@link AuditEntry#detailArgs()}, all strings on
 * the wire). The hub keeps the English sentence beside it ({@link AuditEntry#detail()}) for logs and for entries
 * written before messages existed; a client that does not know a key shows that sentence.
 */
public enum AuditMessage {
    /** A failed decision's or a venue revocation's reason, as the reviewer or admin typed it. */
    REASON(Arg.TEXT),
    /** A passed application: the venue it made. */
    VENUE_CREATED(Arg.ID),
    /** A category added: its Chinese and its English name, as the admin typed them. */
    CATEGORY_NAMES(Arg.TEXT, Arg.TEXT),
    /** A pairing code made: when it expires. */
    PAIRING_EXPIRES(Arg.INSTANT),
    /** A kiosk paired: the label typed at the kiosk. */
    DEVICE_LABEL(Arg.TEXT),
    /** A citizen registered with this colour. */
    CITIZEN_COLOUR(Arg.COLOUR),
    /** A dependant added: the guardian's subject id. */
    GUARDIAN(Arg.ID),
    /** A colour changed: before, after. */
    COLOUR_CHANGE(Arg.COLOUR, Arg.COLOUR),
    /** A colour changed: before, after, and the reason as the health authority gave it. */
    COLOUR_CHANGE_REASON(Arg.COLOUR, Arg.COLOUR, Arg.TEXT),
    /** A signing key rotated: its role, and how long the old key stays valid. */
    KEY_ROTATED(Arg.KEY_ROLE, Arg.DURATION),
    /** An account changed: role before and after, district before and after, active before and after. */
    USER_UPDATE(Arg.ROLE, Arg.ROLE, Arg.DISTRICT, Arg.DISTRICT, Arg.ACTIVE, Arg.ACTIVE),
    /** Check-in retention changed: days before, days after. */
    RETENTION_CHANGE(Arg.DAYS, Arg.DAYS),
    /** A retention purge: check-ins deleted, decided before this time, under a retention of so many days. */
    RETENTION_PURGE(Arg.COUNT, Arg.INSTANT, Arg.DAYS),
    /** A retention purge on PostgreSQL that also dropped whole day partitions (their number last). */
    RETENTION_PURGE_PARTITIONS(Arg.COUNT, Arg.INSTANT, Arg.DAYS, Arg.COUNT),
    /** A trace query: case reference as typed, from, to, verified rows, unverified rows. */
    TRACE(Arg.TEXT, Arg.INSTANT, Arg.INSTANT, Arg.COUNT, Arg.COUNT);

    /** How an argument is written on the wire, and so how a screen shows it. */
    public enum Arg {
        /** Text a person typed: shown as it is, never translated. */
        TEXT,
        /** An identifier (venue id, subject id): shown as it is. */
        ID,
        /** A whole number in decimal digits. */
        COUNT,
        /** An ISO-8601 instant. */
        INSTANT,
        /** An ISO-8601 duration ({@code PT168H}). */
        DURATION,
        /** A whole number of days. */
        DAYS,
        /** A health-code colour constant ({@code GREEN}). */
        COLOUR,
        /** A {@link Role} constant. */
        ROLE,
        /** A signing key's role constant ({@code VENUE}). */
        KEY_ROLE,
        /** A district code, or null for none. */
        DISTRICT,
        /** {@code true} for an active account, {@code false} for a disabled one. */
        ACTIVE
    }

    private final List<Arg> args;

    AuditMessage(Arg... args) {
        this.args = List.of(args);
    }

    /** The kinds of this message's arguments, in order. */
    public List<Arg> args() {
        return args;
    }

    /** The message a key names, if this version knows it. */
    public static Optional<AuditMessage> of(String key) {
        return key == null ? Optional.empty() : Arrays.stream(values()).filter(m -> m.name().equals(key)).findFirst();
    }
}
