-- Throttling per account and client address (issue 13): a guesser's address locks only itself, not the owner.
ALTER TABLE login_failures ADD COLUMN address VARCHAR(64);
CREATE INDEX login_failures_address_at ON login_failures(address, at);
