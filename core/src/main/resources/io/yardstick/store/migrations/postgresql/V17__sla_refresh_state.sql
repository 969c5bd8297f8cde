-- What the last SLA refresh measured (docs/sla.md, "Refreshing"): the data version its own write left (-1 when another
-- import may have come in between), the fingerprint of the policies, the instant it measured as of, and the next
-- instant at which a stored target changes by the passage of time alone (an open target falls due, a breach still
-- unanswered has an hour-old overrun, an event or ticket dated in the future comes due). A refresh that finds the same
-- version and policies before that instant has nothing to do; one that finds new data measures every ticket but
-- rewrites only those whose targets changed. At most one row.
CREATE TABLE sla_refresh (
  data_version BIGINT NOT NULL,
  policies TEXT NOT NULL,
  as_of TIMESTAMP WITH TIME ZONE NOT NULL,
  next_check_at TIMESTAMP WITH TIME ZONE
);

-- A refresh deletes the targets of the tickets it rewrites by case.
CREATE INDEX sla_targets_case ON sla_targets (case_id);
