-- How a queued call ended (issue 7): the reason the phone system gave, for calls imported from its queue log. The
-- contact row says answered or abandoned for the KPIs; this says why (caller hung up, queue timeout, key pressed...).
CREATE TABLE call_outcomes (
  contact_id TEXT NOT NULL PRIMARY KEY,
  outcome TEXT NOT NULL,
  detail TEXT
);
