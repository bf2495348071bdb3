-- Records that cannot be forged, altered or silently lost (issue 13).
-- Every health code the hub signs at unveil: the evidence a scanned check-in must match (nonce, subject, venue and
-- the code's window) to place its subject at a venue in trace results.
CREATE TABLE unveils (
    nonce BIGINT PRIMARY KEY,
    subject VARCHAR(64) NOT NULL,
    venue_id BIGINT NOT NULL,
    admitted_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX unveils_expires ON unveils(expires_at);

-- What a kiosk now sends besides: the code's nonce, the chain value before the record, and the scan time the chain
-- covers; and the hub's verdict on the evidence (VERIFIED, or why not).
ALTER TABLE checkins ADD COLUMN nonce BIGINT;
ALTER TABLE checkins ADD COLUMN prev_chain VARCHAR(64);
ALTER TABLE checkins ADD COLUMN scan_micros BIGINT;
ALTER TABLE checkins ADD COLUMN evidence VARCHAR(24) NOT NULL DEFAULT 'UNCHECKED';
CREATE INDEX checkins_device_seq ON checkins(device_id, seq);

-- The key a kiosk made at pairing: every batch it sends is signed with it.
ALTER TABLE devices ADD COLUMN public_key VARCHAR(100);

-- Links of items the hub refused (wrong venue, before pairing...): not check-ins, but still links of the device's
-- chain, so a refusal does not look like a gap.
CREATE TABLE checkin_refusals (
    device_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    id VARCHAR(36) NOT NULL,
    chain VARCHAR(64) NOT NULL,
    prev_chain VARCHAR(64),
    error VARCHAR(32) NOT NULL,
    decided_at BIGINT,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (device_id, seq, id)
);

-- Each device's chain as the hub has verified it: contiguous up to head_seq; an open gap after it; a problem found.
CREATE TABLE device_chains (
    device_id BIGINT PRIMARY KEY,
    head_seq BIGINT NOT NULL,
    head_chain VARCHAR(64) NOT NULL,
    gap_from BIGINT,
    gap_to BIGINT,
    gap_since BIGINT
);

-- Breaks found in a device's chain; they stay until an admin has looked (they are evidence of tampering or a fault).
CREATE TABLE chain_problems (
    id ${id_pk},
    device_id BIGINT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    seq_from BIGINT NOT NULL,
    seq_to BIGINT NOT NULL,
    detail VARCHAR(300) NOT NULL,
    found_at BIGINT NOT NULL
);
CREATE INDEX chain_problems_device ON chain_problems(device_id);
