-- Users of the web app and the API (issue 4): bcrypt password hashes, a role, and for agents the agent_id they are.
CREATE TABLE users (
  name TEXT NOT NULL PRIMARY KEY,
  role TEXT NOT NULL,
  agent_id TEXT,
  password_hash TEXT NOT NULL,
  must_change_password BOOLEAN NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- API tokens for machine clients: only a SHA-256 of the token is kept.
CREATE TABLE api_tokens (
  token_hash TEXT NOT NULL PRIMARY KEY,
  user_name TEXT NOT NULL,
  label TEXT,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
