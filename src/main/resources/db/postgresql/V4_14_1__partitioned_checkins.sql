-- PostgreSQL only (issue 14): the check-in table range-partitioned by day, so the retention purge drops whole
-- partitions instead of deleting some 20 million rows a day. The hub creates the day partitions ahead
-- (CheckinPartitions); what has no day partition yet waits in the default one and moves when its day is created.
--
-- The partition key, part_ms, is the time in the kiosk-made id (a version-7 UUID, made from the decision time) when
-- that time lies within a day of decided_at, else 0. It depends on the id alone for every id a kiosk makes, so the
-- primary key (id, part_ms) keeps ids unique across partitions: a resend lands on the same partition and is a
-- duplicate or a conflict, never a second row. Other ids (not version 7, or a time far from the decision) all share
-- part_ms 0, in the default partition, unique among themselves.
CREATE FUNCTION checkin_part_ms(id uuid, decided_at bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN substr(id::text, 15, 1) = '7'
             AND abs(('x' || lpad(substr(replace(id::text, '-', ''), 1, 12), 16, '0'))::bit(64)::bigint - decided_at) <= 86400000
        THEN ('x' || lpad(substr(replace(id::text, '-', ''), 1, 12), 16, '0'))::bit(64)::bigint
        ELSE 0
    END
$$;

ALTER TABLE checkins RENAME TO checkins_unpartitioned;
ALTER INDEX checkins_pkey RENAME TO checkins_unpartitioned_pkey;
ALTER INDEX checkins_venue_time RENAME TO checkins_unpartitioned_venue_time;
ALTER INDEX checkins_subject_time RENAME TO checkins_unpartitioned_subject_time;
ALTER INDEX checkins_decided_brin RENAME TO checkins_unpartitioned_decided_brin;
ALTER INDEX checkins_device_seq RENAME TO checkins_unpartitioned_device_seq;

CREATE TABLE checkins (
    id uuid NOT NULL,
    device_id BIGINT NOT NULL,
    venue_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    chain VARCHAR(64) NOT NULL,
    subject VARCHAR(64),
    manual BOOLEAN NOT NULL,
    outcome VARCHAR(8) NOT NULL,
    reason VARCHAR(32),
    colour VARCHAR(8),
    proxy BOOLEAN NOT NULL,
    decided_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    nonce BIGINT,
    prev_chain VARCHAR(64),
    scan_micros BIGINT,
    evidence VARCHAR(24) NOT NULL DEFAULT 'UNCHECKED',
    part_ms BIGINT NOT NULL,
    PRIMARY KEY (id, part_ms)
) PARTITION BY RANGE (part_ms);
CREATE TABLE checkins_default PARTITION OF checkins DEFAULT;
CREATE INDEX checkins_venue_time ON checkins(venue_id, decided_at);
CREATE INDEX checkins_subject_time ON checkins(subject, decided_at);
CREATE INDEX checkins_device_seq ON checkins(device_id, seq);
-- check-ins arrive roughly in decision order: a BRIN index finds the few rows of a partition older than the cutoff
CREATE INDEX checkins_decided_brin ON checkins USING brin (decided_at);

INSERT INTO checkins(id, device_id, venue_id, seq, chain, subject, manual, outcome, reason, colour, proxy, decided_at,
                     received_at, nonce, prev_chain, scan_micros, evidence, part_ms)
SELECT id, device_id, venue_id, seq, chain, subject, manual, outcome, reason, colour, proxy, decided_at, received_at,
       nonce, prev_chain, scan_micros, evidence, checkin_part_ms(id, decided_at)
FROM checkins_unpartitioned;
DROP TABLE checkins_unpartitioned;
