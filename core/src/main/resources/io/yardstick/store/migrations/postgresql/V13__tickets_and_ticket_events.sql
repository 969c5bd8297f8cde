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
  tags TEXT,
  PRIMARY KEY (case_id)
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
CREATE INDEX ticket_events_case ON ticket_events (case_id, occurred_at);
