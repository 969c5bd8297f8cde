-- The five canonical record types (docs/data-format.md). Column order follows io.yardstick.model.RecordType.
-- DuckDB tables carry no PRIMARY KEY: an ART index makes bulk loads several times slower, and keys are kept unique
-- by the import merge (delete the staged keys, insert the staged rows, in one transaction).
CREATE TABLE contacts (
  contact_id TEXT NOT NULL,
  case_id TEXT,
  channel TEXT NOT NULL,
  direction TEXT NOT NULL,
  queue TEXT,
  topic TEXT,
  customer_id TEXT,
  agent_id TEXT,
  team TEXT,
  arrived_at TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_at TIMESTAMP WITH TIME ZONE,
  first_response_at TIMESTAMP WITH TIME ZONE,
  abandoned_at TIMESTAMP WITH TIME ZONE,
  resolved_at TIMESTAMP WITH TIME ZONE,
  talk_s DOUBLE PRECISION,
  hold_s DOUBLE PRECISION,
  wrap_s DOUBLE PRECISION,
  resolved BOOLEAN NOT NULL,
  converted BOOLEAN,
  revenue DECIMAL(18, 4)
);

CREATE TABLE surveys (
  survey_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  score INTEGER NOT NULL,
  submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  contact_id TEXT,
  customer_id TEXT,
  agent_id TEXT
);

CREATE TABLE agent_states (
  agent_id TEXT NOT NULL,
  state TEXT NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE customers (
  customer_id TEXT NOT NULL,
  since DATE NOT NULL,
  churned_at DATE
);

-- Free customer attributes (age, tier, region...): the text as given, and its number when it is one, for ranges.
CREATE TABLE customer_attributes (
  customer_id TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  number DOUBLE PRECISION
);

CREATE TABLE costs (
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  amount DECIMAL(18, 4) NOT NULL,
  currency TEXT,
  category TEXT
);
