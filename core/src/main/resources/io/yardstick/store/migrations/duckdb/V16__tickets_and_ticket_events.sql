-- Help-desk tickets beyond their contacts (issue 17, docs/data-format.md#tickets): what a ticket is now (priority,
-- status, brand, group, tags) and its timeline (status and priority changes, replies by agents and customers), from
-- which SLA targets, next-reply times, reopens and the backlog are computed. Tags are stored sorted and wrapped in
-- commas (,billing,vip,), so that POSITION(',vip,' IN tags) finds one tag on every dialect.
CREATE TABLE tickets (
  case_id TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE,
  priority TEXT,
  status TEXT,
  brand TEXT,
  group_name TEXT,
  tags TEXT
);

CREATE TABLE ticket_events (
  case_id TEXT NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  kind TEXT NOT NULL,
  status TEXT,
  priority TEXT,
  actor TEXT,
  agent_id TEXT
);

-- Each ticket's SLA targets as the policies of the settings file measured them at the last refresh (docs/sla.md):
-- derived from tickets, ticket_events and contacts by io.yardstick.sla.SlaTargets, read by the sla_* KPIs. settled_at
-- is when a target was met (its fulfilment) or breached (its due time); open targets have none.
CREATE TABLE sla_targets (
  case_id TEXT NOT NULL,
  metric TEXT NOT NULL,
  policy TEXT NOT NULL,
  target_s DOUBLE PRECISION NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  fulfilled_at TIMESTAMP WITH TIME ZONE,
  due_at TIMESTAMP WITH TIME ZONE,
  elapsed_s DOUBLE PRECISION NOT NULL,
  state TEXT NOT NULL,
  settled_at TIMESTAMP WITH TIME ZONE,
  priority TEXT,
  tags TEXT,
  refreshed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
