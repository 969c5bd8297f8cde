-- Exact rollups (docs/rollups.md): the additive parts of the KPI catalog (io.yardstick.kpi.Part) per 15-minute UTC
-- bucket (bucket = epoch seconds of its start, a multiple of 900) and per combination of the contact dimensions, so
-- that the local days, hours, weeks and months of any zone are unions of buckets; gset says which dimensions a row
-- keeps (a bit per dimension: channel 1, direction 2, queue 4, topic 8, team 16, agent 32; 0: none). Kept in the
-- transaction of every import, event batch and erasure (io.yardstick.kpi.rollup.Rollups); one column per part, named
-- as the part.
CREATE TABLE rollup_contacts (
  gset INTEGER NOT NULL,
  bucket BIGINT NOT NULL,
  channel TEXT,
  direction TEXT,
  queue TEXT,
  topic TEXT,
  team TEXT,
  agent TEXT,
  n DOUBLE PRECISION,
  answered_in DOUBLE PRECISION,
  abandoned_long DOUBLE PRECISION,
  abandoned_all DOUBLE PRECISION,
  within_target DOUBLE PRECISION,
  answered_over_limit DOUBLE PRECISION,
  abandoned_over_limit DOUBLE PRECISION,
  wait_sum DOUBLE PRECISION,
  answered DOUBLE PRECISION,
  handle_sum DOUBLE PRECISION,
  talk_hold_sum DOUBLE PRECISION,
  written DOUBLE PRECISION,
  written_handle_sum DOUBLE PRECISION,
  frt_n DOUBLE PRECISION,
  frt_sum DOUBLE PRECISION,
  email_in DOUBLE PRECISION,
  email_24h DOUBLE PRECISION,
  converted DOUBLE PRECISION,
  revenue_n DOUBLE PRECISION,
  revenue_sum DECIMAL(38, 4)
);

CREATE TABLE rollup_cases (
  gset INTEGER NOT NULL,
  bucket BIGINT NOT NULL,
  channel TEXT,
  direction TEXT,
  queue TEXT,
  topic TEXT,
  team TEXT,
  agent TEXT,
  cases DOUBLE PRECISION,
  resolved DOUBLE PRECISION,
  resolved_single DOUBLE PRECISION,
  resolved_contacts DOUBLE PRECISION,
  resolution_n DOUBLE PRECISION,
  resolution_sum DOUBLE PRECISION
);

CREATE TABLE rollup_surveys (
  gset INTEGER NOT NULL,
  bucket BIGINT NOT NULL,
  channel TEXT,
  direction TEXT,
  queue TEXT,
  topic TEXT,
  team TEXT,
  agent TEXT,
  csat_n DOUBLE PRECISION,
  csat_satisfied DOUBLE PRECISION,
  esat_n DOUBLE PRECISION,
  esat_satisfied DOUBLE PRECISION,
  nps_n DOUBLE PRECISION,
  nps_promoters DOUBLE PRECISION,
  nps_detractors DOUBLE PRECISION,
  ces_n DOUBLE PRECISION,
  ces_sum DOUBLE PRECISION,
  ces_low DOUBLE PRECISION
);

-- Agent time by agent only: the team of an agent is the team of their latest contact in the asked period.
CREATE TABLE rollup_agent_time (
  gset INTEGER NOT NULL,
  bucket BIGINT NOT NULL,
  agent TEXT,
  available_s DOUBLE PRECISION,
  busy_s DOUBLE PRECISION,
  wrap_s DOUBLE PRECISION,
  break_s DOUBLE PRECISION,
  state_rows DOUBLE PRECISION
);

-- Value-count histograms of the measures whose percentiles the catalog reports (frt: inbound contacts' frt_s;
-- resolution: cases' resolution_s): merged over buckets they give percentile_cont exactly.
CREATE TABLE rollup_values (
  measure TEXT NOT NULL,
  gset INTEGER NOT NULL,
  bucket BIGINT NOT NULL,
  channel TEXT,
  direction TEXT,
  queue TEXT,
  topic TEXT,
  team TEXT,
  agent TEXT,
  value DOUBLE PRECISION NOT NULL,
  n BIGINT NOT NULL
);

-- One row once the rollups are built: the thresholds their filtered counts were computed with (a question asked with
-- other thresholds is answered by the scan), and when.
CREATE TABLE rollup_meta (
  short_abandon_s DOUBLE PRECISION NOT NULL,
  service_level_s DOUBLE PRECISION NOT NULL,
  service_level_by_channel TEXT NOT NULL,
  wait_limit_s DOUBLE PRECISION NOT NULL,
  built_at TIMESTAMP WITH TIME ZONE NOT NULL
);
