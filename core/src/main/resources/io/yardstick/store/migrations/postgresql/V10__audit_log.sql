-- The audit log (issue 11): who did what, when and from where. Append-only: Yardstick's code only inserts and reads
-- it (io.yardstick.audit.AuditLog); nothing in it updates or deletes a row. detail never holds a password, a token or
-- a customer's personal data (an erasure is recorded by counts and a hash of the customer id).
CREATE TABLE audit_log (
  id BIGINT NOT NULL PRIMARY KEY,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor TEXT,
  address TEXT,
  kind TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  outcome TEXT NOT NULL,
  detail TEXT
);
INSERT INTO id_counters (name, last_id) VALUES ('audit_log', 0);
-- PostgreSQL keeps it append-only even against a hand-written UPDATE or DELETE (DuckDB has no rules or triggers).
CREATE RULE audit_log_no_update AS ON UPDATE TO audit_log DO INSTEAD NOTHING;
CREATE RULE audit_log_no_delete AS ON DELETE TO audit_log DO INSTEAD NOTHING;
