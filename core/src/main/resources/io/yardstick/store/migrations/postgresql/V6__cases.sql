-- Cases with a case_id, kept up to date by every import of contacts (JdbcStore): each case's first contact (earliest
-- arrived_at, ties: smallest contact_id) and its statistics over all its contacts, whenever they arrived. The KPI
-- engine then reads a period's cases without scanning the whole history (issue 3, speed). Contacts without a case_id
-- are cases of their own and are not kept here.
CREATE TABLE cases (
  case_id TEXT NOT NULL,
  first_contact_id TEXT NOT NULL,
  first_at TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved BOOLEAN NOT NULL,
  n_contacts BIGINT NOT NULL,
  n_inbound BIGINT NOT NULL,
  last_resolved_at TIMESTAMP WITH TIME ZONE
);

INSERT INTO cases (case_id, first_contact_id, first_at, resolved, n_contacts, n_inbound, last_resolved_at)
SELECT case_id, contact_id, arrived_at, case_resolved, case_contacts, case_inbound, case_resolved_at FROM (
  SELECT k.case_id, k.contact_id, k.arrived_at, ROW_NUMBER() OVER w1 AS rn,
    MAX(CASE WHEN k.resolved THEN 1 ELSE 0 END) OVER w = 1 AS case_resolved,
    COUNT(*) OVER w AS case_contacts,
    SUM(CASE WHEN k.direction = 'inbound' THEN 1 ELSE 0 END) OVER w AS case_inbound,
    MAX(k.resolved_at) OVER w AS case_resolved_at
  FROM contacts k WHERE k.case_id IS NOT NULL
  WINDOW w AS (PARTITION BY k.case_id), w1 AS (PARTITION BY k.case_id ORDER BY k.arrived_at, k.contact_id)
) x WHERE rn = 1;
