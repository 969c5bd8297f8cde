-- Exact percentiles kept per whole local day, ISO week and month of some zones (docs/rollups.md, "Percentiles of
-- whole days"): the median and 90th percentile of a measure over the UTC span [s, e) of each such unit, overall
-- (gset 0) and per channel (gset 1), computed from the value-count histograms in the transaction that changed them.
-- A question by day, week or month in a kept zone reads one row a group instead of every value of the period.
-- rollup_zones: the zones kept (none: UTC only). rollup_spans: the spans kept, with or without values, and their unit.
-- rollup_span_histograms: the value-count histograms of the kept months, so that a total over whole months (a year's
-- median) merges a dozen month histograms instead of every 15-minute bucket's.
CREATE TABLE rollup_zones (
  zone TEXT NOT NULL PRIMARY KEY
);
CREATE TABLE rollup_spans (
  measure TEXT NOT NULL,
  s BIGINT NOT NULL,
  e BIGINT NOT NULL,
  unit TEXT NOT NULL
);
CREATE TABLE rollup_span_values (
  measure TEXT NOT NULL,
  gset INTEGER NOT NULL,
  s BIGINT NOT NULL,
  e BIGINT NOT NULL,
  channel TEXT,
  p50 DOUBLE PRECISION,
  p90 DOUBLE PRECISION
);
CREATE TABLE rollup_span_histograms (
  measure TEXT NOT NULL,
  gset INTEGER NOT NULL,
  s BIGINT NOT NULL,
  e BIGINT NOT NULL,
  channel TEXT,
  value DOUBLE PRECISION NOT NULL,
  n BIGINT NOT NULL
);
