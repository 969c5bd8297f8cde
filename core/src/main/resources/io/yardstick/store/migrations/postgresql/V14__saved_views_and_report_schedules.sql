-- Reports (issue 16, docs/reports.md).
-- Saved views and dashboards: a page's state under a name. shared holds role ids, one per line (empty: private to
-- owner); group_by, filters and kpis one entry per line; period is relative (last_week, month_to_date:last_year) or
-- FROM..TO; panels is the JSON list of a dashboard's panels (empty list for a view).
CREATE TABLE saved_views (
  id BIGINT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  owner TEXT NOT NULL,
  shared TEXT NOT NULL,
  page TEXT NOT NULL,
  arg TEXT,
  period TEXT NOT NULL,
  zone TEXT NOT NULL,
  kpis TEXT NOT NULL,
  group_by TEXT NOT NULL,
  filters TEXT NOT NULL,
  compare BOOLEAN NOT NULL,
  panels TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Deliveries of a view on a schedule (daily@08:00, weekly:mon@08:00, first_working_day@08:00, cron:0 8 * * 1-5) in the
-- view's zone, to targets one per line (email:..., slack:https://..., teams:https://...), in a language (en, es, ca,
-- ro). checked_until: every occurrence up to this instant has its deliveries recorded (sent, pending or skipped).
CREATE TABLE report_schedules (
  id BIGINT NOT NULL PRIMARY KEY,
  view_id BIGINT NOT NULL,
  owner TEXT NOT NULL,
  cadence TEXT NOT NULL,
  language TEXT NOT NULL,
  targets TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  checked_until TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per occurrence of a schedule and target, written before it is sent: idempotency_key is
-- report-SCHEDULE/OCCURRENCE/N, so a restart resends only what was not sent, with the same key; state pending, sending,
-- sent, failed or skipped (missed for longer than the catch-up age). kind: scheduled or now (sent on request).
CREATE TABLE report_deliveries (
  idempotency_key TEXT NOT NULL PRIMARY KEY,
  schedule_id BIGINT NOT NULL,
  occurrence TIMESTAMP WITH TIME ZONE NOT NULL,
  target TEXT NOT NULL,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  error TEXT
);

INSERT INTO id_counters (name, last_id) VALUES ('saved_views', 0);
INSERT INTO id_counters (name, last_id) VALUES ('report_schedules', 0);
