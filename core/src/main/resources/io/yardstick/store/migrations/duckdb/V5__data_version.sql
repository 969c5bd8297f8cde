-- A counter that every committed import raises in its own transaction, so that caches of KPI results (the server's)
-- know when the data they were computed from changed, whichever process imported.
CREATE TABLE data_version (
  version BIGINT NOT NULL
);
INSERT INTO data_version (version) VALUES (0);
