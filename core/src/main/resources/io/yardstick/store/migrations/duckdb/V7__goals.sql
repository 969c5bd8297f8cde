-- Goals (issue 5): a KPI over a segment (filters, one per line as written: age=55..70), a baseline given or measured
-- over a baseline period (both NULL: the same number of days just before start_date), a target that is absolute
-- (target_kind 'absolute') or a change in percent of the baseline (target_kind 'change': -10 is -10%), and the local
-- dates start_date..deadline (both inclusive) in zone. Tracking reads the KPI engine; nothing derived is stored.
CREATE TABLE goals (
  id BIGINT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  kpi TEXT NOT NULL,
  filters TEXT NOT NULL,
  zone TEXT NOT NULL,
  start_date DATE NOT NULL,
  deadline DATE NOT NULL,
  baseline DOUBLE PRECISION,
  baseline_from DATE,
  baseline_to DATE,
  target_kind TEXT NOT NULL,
  target DOUBLE PRECISION NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
