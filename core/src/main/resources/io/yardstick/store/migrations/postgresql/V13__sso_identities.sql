-- Single sign-on (issue 11): which person of which OpenID Connect provider (issuer, subject) a Yardstick user is.
-- A user is linked at their first sign-in; afterwards only that subject signs them in.
CREATE TABLE sso_identities (
  issuer VARCHAR NOT NULL,
  subject VARCHAR NOT NULL,
  user_name VARCHAR NOT NULL,
  linked_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, subject)
);
