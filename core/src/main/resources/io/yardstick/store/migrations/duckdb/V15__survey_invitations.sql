-- Surveys sent and answered (issue 18, docs/surveys.md).
-- A survey answer may carry the customer's comment (the answer page, Zendesk and Freshdesk rating comments).
ALTER TABLE surveys ADD COLUMN comment TEXT;

-- One row per survey invitation, written before it is sent. dedupe_key (rule and case, or rule and contact) makes a
-- trigger invite once however often the planner runs; state: scheduled (due later), sending, sent, bounced, failed,
-- cancelled (opted out or no address by the time it was due), link (for another channel: given through the API or a
-- webhook, not mailed). address is the e-mail address it went to, cleared after surveys.keep_address_days.
-- score, comment and answered_at are the answer as it stands; first_answered_at starts the change window.
CREATE TABLE survey_invitations (
  invitation_id TEXT NOT NULL PRIMARY KEY,
  dedupe_key TEXT NOT NULL UNIQUE,
  rule TEXT NOT NULL,
  kind TEXT NOT NULL,
  via TEXT NOT NULL,
  contact_id TEXT,
  case_id TEXT,
  customer_id TEXT,
  agent_id TEXT,
  channel TEXT,
  language TEXT NOT NULL,
  address TEXT,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  due_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  error TEXT,
  sent_at TIMESTAMP WITH TIME ZONE,
  first_answered_at TIMESTAMP WITH TIME ZONE,
  answered_at TIMESTAMP WITH TIME ZONE,
  score INTEGER,
  comment TEXT
);

-- Customers who asked for no more surveys (the opt-out link of every invitation).
CREATE TABLE survey_opt_outs (
  customer_id TEXT NOT NULL PRIMARY KEY,
  opted_out_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The key that signs the survey links (HMAC-SHA256), made at first use and kept with the data it protects.
CREATE TABLE survey_keys (
  name TEXT NOT NULL PRIMARY KEY,
  secret TEXT NOT NULL
);
