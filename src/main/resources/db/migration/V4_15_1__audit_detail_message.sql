-- Audit details the screens can word in their own language (issue 12): the message (an org.venuegate.api.AuditMessage
-- name) and its arguments as a JSON array of strings. The English sentence in `detail` stays for logs and older
-- clients; entries from before this migration have only that, and the screens show it as it is.
ALTER TABLE audit_log ADD COLUMN detail_key VARCHAR(40);
ALTER TABLE audit_log ADD COLUMN detail_args TEXT;
