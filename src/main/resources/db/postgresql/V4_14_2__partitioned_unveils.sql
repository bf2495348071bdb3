-- PostgreSQL only (issue 14): the unveil log range-partitioned by day, like the check-ins, so the retention purge
-- drops a day's unveils (as many as its check-ins, some 20 million) instead of deleting them row by row.
--
-- A nonce the hub draws now carries its unveil's day (UTC, counted from 2000-01-01) in its top 16 bits and 48 random
-- bits below (UnveilLog.nonce), so the partition key is the nonce itself: the primary key stays the nonce alone, and
-- the lookup of a batch's nonces names their days' ranges and reads only those partitions. Nonces drawn before
-- (64 random bits) and any other value wait in the default partition, found there as before; a day partition
-- created later takes the few whose top bits happen to name its day (UnveilLog / CheckinPartitions.ensure).
ALTER TABLE unveils RENAME TO unveils_unpartitioned;
ALTER INDEX unveils_pkey RENAME TO unveils_unpartitioned_pkey;
ALTER INDEX unveils_expires RENAME TO unveils_unpartitioned_expires;

CREATE TABLE unveils (
    nonce BIGINT NOT NULL,
    subject VARCHAR(64) NOT NULL,
    venue_id BIGINT NOT NULL,
    admitted_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (nonce)
) PARTITION BY RANGE (nonce);
CREATE TABLE unveils_default PARTITION OF unveils DEFAULT;
-- the purge's stragglers (rows of the default partition) are found by expiry
CREATE INDEX unveils_expires ON unveils(expires_at);

INSERT INTO unveils(nonce, subject, venue_id, admitted_at, expires_at)
SELECT nonce, subject, venue_id, admitted_at, expires_at FROM unveils_unpartitioned;
DROP TABLE unveils_unpartitioned;
