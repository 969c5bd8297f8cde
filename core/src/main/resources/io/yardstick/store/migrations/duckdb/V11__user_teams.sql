-- The teams a team lead sees (issue 11): a lead's questions are about the contacts of these teams only.
CREATE TABLE user_teams (
  user_name TEXT NOT NULL,
  team TEXT NOT NULL
);
