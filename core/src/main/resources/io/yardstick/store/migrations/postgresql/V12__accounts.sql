-- Accounts (issue 11): a user can be disabled (kept, but unable to log in or use a token); a token can be read-only
-- and can expire.
ALTER TABLE users ADD COLUMN disabled BOOLEAN DEFAULT FALSE;
ALTER TABLE api_tokens ADD COLUMN read_only BOOLEAN DEFAULT FALSE;
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
