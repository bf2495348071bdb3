-- Kiosk fleet health (issue 12 §3): when each kiosk was last heard from and what it last reported about itself.
-- A version of its own (4.12.3) so another branch's V4 cannot collide with it.
CREATE TABLE device_health (
    device_id BIGINT PRIMARY KEY REFERENCES devices(id),
    last_contact BIGINT NOT NULL,
    reported_at BIGINT,
    pending BIGINT,
    trust_list_signed_at BIGINT,
    clock_skew_ms BIGINT
);

-- Settings an admin changes at run time (retention days) and the last purge; no row means the hub's configuration.
CREATE TABLE hub_settings (
    name VARCHAR(64) PRIMARY KEY,
    value VARCHAR(256) NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by VARCHAR(64) NOT NULL
);
