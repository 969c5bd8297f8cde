-- How a queued call ended (issue 7): the reason the phone system gave, for calls imported from its queue log. The
-- contact row says answered or abandoned for the KPIs; this says why (caller hung up, queue timeout, key pressed...).
-- No PRIMARY KEY on DuckDB (see V1); the import merge keeps contact_id unique.
CREATE TABLE call_outcomes (
  contact_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT
);
