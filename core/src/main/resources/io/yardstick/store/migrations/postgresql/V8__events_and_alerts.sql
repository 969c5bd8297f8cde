-- Live events and alerts (issue 5, docs/alerts.md).
-- The ids of every event applied through POST /api/events, so that a resend changes nothing. Written in the
-- transaction that applies the event's batch to contacts and surveys.
-- PostgreSQL: event ids are a primary key, a second guard behind the ingestion's own check.
CREATE TABLE events (
  event_id TEXT NOT NULL PRIMARY KEY,
  type TEXT NOT NULL,
  happened_at TIMESTAMP WITH TIME ZONE NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The current state of each agent that sent agent_state events, and the queues they serve (one per line), for the
-- live view's agents available; the closed states go to agent_states.
CREATE TABLE live_agents (
  agent_id TEXT NOT NULL PRIMARY KEY,
  state TEXT NOT NULL,
  since TIMESTAMP WITH TIME ZONE NOT NULL,
  queues TEXT NOT NULL
);

-- Alert rules: kind is kpi (a KPI over a rolling window) or a live rule (longest_wait, waiting, volume_over_forecast);
-- filters and notify hold one entry per line; the threshold is a value, a goal's target (goal_id) or the KPI's
-- benchmark (threshold_source 'benchmark').
CREATE TABLE alert_rules (
  id BIGINT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  kpi TEXT,
  filters TEXT NOT NULL,
  comparison TEXT NOT NULL,
  threshold_source TEXT NOT NULL,
  threshold DOUBLE PRECISION,
  goal_id BIGINT,
  window_s BIGINT NOT NULL,
  min_volume BIGINT NOT NULL,
  cool_down_s BIGINT NOT NULL,
  notify TEXT NOT NULL,
  zone TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per alert: it fired (the value and threshold then) and, once the condition cleared, resolved.
CREATE TABLE alerts (
  id BIGINT NOT NULL PRIMARY KEY,
  rule_id BIGINT NOT NULL,
  fired_at TIMESTAMP WITH TIME ZONE NOT NULL,
  fired_value DOUBLE PRECISION,
  threshold DOUBLE PRECISION,
  resolved_at TIMESTAMP WITH TIME ZONE,
  resolved_value DOUBLE PRECISION,
  message TEXT NOT NULL
);

-- One row per notification of an alert transition (fired, resolved) to one target, written before it is sent:
-- idempotency_key is alert id, transition and target, so a restart resends only what was not sent, with the same key.
CREATE TABLE alert_notifications (
  idempotency_key TEXT NOT NULL PRIMARY KEY,
  alert_id BIGINT NOT NULL,
  transition TEXT NOT NULL,
  target TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  error TEXT
);
