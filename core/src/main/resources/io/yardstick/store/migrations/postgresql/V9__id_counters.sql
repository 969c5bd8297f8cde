-- Ids that are never given twice (issue 11): a deleted alert rule's or goal's id is not reused, so a new rule cannot
-- inherit an old rule's open alert and a link to a goal cannot come to mean another goal. Each counter holds the last
-- id given; it starts above every id in use or referenced (alerts of deleted rules, rules of deleted goals).
CREATE TABLE id_counters (
  name TEXT NOT NULL PRIMARY KEY,
  last_id BIGINT NOT NULL
);
INSERT INTO id_counters (name, last_id)
  SELECT 'alert_rules', GREATEST(COALESCE((SELECT MAX(id) FROM alert_rules), 0),
    COALESCE((SELECT MAX(rule_id) FROM alerts), 0));
INSERT INTO id_counters (name, last_id)
  SELECT 'goals', GREATEST(COALESCE((SELECT MAX(id) FROM goals), 0),
    COALESCE((SELECT MAX(goal_id) FROM alert_rules), 0));
