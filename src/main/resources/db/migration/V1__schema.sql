-- VenueGate hub schema. Runs unchanged on SQLite and PostgreSQL; ${id_pk} differs (see Database).
-- Times are epoch milliseconds (BIGINT) so both databases compare and index them the same way.

CREATE TABLE users (
    id ${id_pk},
    username VARCHAR(64) NOT NULL UNIQUE,
    role VARCHAR(16) NOT NULL,
    district INTEGER,
    subject_id BIGINT,
    password_hash VARCHAR(255) NOT NULL,
    active BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    expires_at BIGINT NOT NULL
);

CREATE TABLE login_failures (
    id ${id_pk},
    username VARCHAR(64) NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_user_at ON login_failures(username, at);

CREATE TABLE categories (
    code VARCHAR(16) PRIMARY KEY,
    name_zh VARCHAR(64) NOT NULL,
    name_en VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    created_by VARCHAR(64) NOT NULL
);

CREATE TABLE applications (
    id ${id_pk},
    status VARCHAR(16) NOT NULL,
    version INTEGER NOT NULL,
    place_name VARCHAR(128) NOT NULL,
    place_name_norm VARCHAR(128) NOT NULL,
    unit_name VARCHAR(128) NOT NULL,
    credit_code VARCHAR(18) NOT NULL,
    category VARCHAR(16) NOT NULL REFERENCES categories(code),
    district INTEGER NOT NULL,
    address VARCHAR(256) NOT NULL,
    address_norm VARCHAR(256) NOT NULL,
    mobile BOOLEAN NOT NULL,
    responsible_name VARCHAR(64) NOT NULL,
    responsible_id_number VARCHAR(18) NOT NULL,
    responsible_phone VARCHAR(20) NOT NULL,
    replaces_id BIGINT REFERENCES applications(id),
    submitted_by BIGINT NOT NULL REFERENCES users(id),
    submitted_at BIGINT NOT NULL,
    decided_by BIGINT REFERENCES users(id),
    decided_at BIGINT,
    fail_reason VARCHAR(500),
    venue_id BIGINT
);
CREATE INDEX applications_status_submitted ON applications(status, submitted_at);
CREATE INDEX applications_district_status ON applications(district, status);
CREATE INDEX applications_credit_code ON applications(credit_code);
CREATE INDEX applications_submitted_by ON applications(submitted_by);

CREATE TABLE application_events (
    id ${id_pk},
    application_id BIGINT NOT NULL REFERENCES applications(id),
    at BIGINT NOT NULL,
    actor VARCHAR(64) NOT NULL,
    action VARCHAR(32) NOT NULL,
    detail VARCHAR(500)
);
CREATE INDEX application_events_app ON application_events(application_id);

CREATE TABLE venues (
    id BIGINT PRIMARY KEY,
    number VARCHAR(16) NOT NULL UNIQUE,
    application_id BIGINT NOT NULL UNIQUE REFERENCES applications(id),
    name VARCHAR(128) NOT NULL,
    unit_name VARCHAR(128) NOT NULL,
    credit_code VARCHAR(18) NOT NULL,
    category VARCHAR(16) NOT NULL,
    district INTEGER NOT NULL,
    address VARCHAR(256) NOT NULL,
    mobile BOOLEAN NOT NULL,
    code_text VARCHAR(600) NOT NULL,
    issued_at BIGINT NOT NULL,
    revoked_at BIGINT,
    revoked_by VARCHAR(64),
    revoke_reason VARCHAR(500)
);
CREATE INDEX venues_credit_code ON venues(credit_code);

CREATE TABLE devices (
    id ${id_pk},
    venue_id BIGINT NOT NULL REFERENCES venues(id),
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    label VARCHAR(64),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE pairing_codes (
    code_hash VARCHAR(64) PRIMARY KEY,
    venue_id BIGINT NOT NULL REFERENCES venues(id),
    created_by VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    device_id BIGINT
);

CREATE TABLE checkins (
    id VARCHAR(36) PRIMARY KEY,
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
    received_at BIGINT NOT NULL
);
CREATE INDEX checkins_venue_time ON checkins(venue_id, decided_at);
CREATE INDEX checkins_subject_time ON checkins(subject, decided_at);
CREATE INDEX checkins_decided ON checkins(decided_at);

CREATE TABLE citizens (
    subject_id BIGINT PRIMARY KEY,
    masked_name VARCHAR(32) NOT NULL,
    colour VARCHAR(8) NOT NULL,
    colour_reason VARCHAR(500),
    colour_follow_up VARCHAR(500),
    vaccinated BOOLEAN NOT NULL,
    last_negative_test BIGINT,
    independent BOOLEAN NOT NULL
);

CREATE TABLE guardians (
    guardian_subject BIGINT NOT NULL REFERENCES citizens(subject_id),
    dependant_subject BIGINT NOT NULL REFERENCES citizens(subject_id),
    PRIMARY KEY (guardian_subject, dependant_subject)
);

CREATE TABLE audit_log (
    id ${id_pk},
    at BIGINT NOT NULL,
    actor VARCHAR(64) NOT NULL,
    action VARCHAR(32) NOT NULL,
    target VARCHAR(128),
    detail VARCHAR(1000)
);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TABLE key_ring (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE trust_lists (
    sequence BIGINT PRIMARY KEY,
    document TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
