-- The SLA targets each sla_due / sla_breached alert rule has notified (docs/alerts.md, "SLA rules"): one row per rule,
-- case and target (a target is its case, metric and start), written in one statement before the alert that carries
-- them, so that a target is notified once per rule across evaluations, imports and restarts. alert_id is the alert
-- (table alerts) whose notifications name the target; an evaluation that finds notices without their alert (a stop
-- between the two statements) writes the alert then.
CREATE TABLE sla_alert_notices (
  rule_id BIGINT NOT NULL,
  case_id TEXT NOT NULL,
  metric TEXT NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  policy TEXT NOT NULL,
  due_at TIMESTAMP WITH TIME ZONE NOT NULL,
  alert_id BIGINT NOT NULL,
  noticed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (rule_id, case_id, metric, started_at)
);
