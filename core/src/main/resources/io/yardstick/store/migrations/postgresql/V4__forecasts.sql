-- Forecasts as they were made (issue 6): one row per interval of one forecast run (made_at, channel, queue,
-- interval_minutes), kept so that the accuracy of past forecasts can be measured against what came.
-- queue is NULL for a forecast of all the channel's queues together. Instants are stored; zone is the one the
-- intervals were laid out in.
CREATE TABLE forecasts (
  made_at TIMESTAMP WITH TIME ZONE NOT NULL,
  channel TEXT NOT NULL,
  queue TEXT,
  interval_minutes INTEGER NOT NULL,
  zone TEXT NOT NULL,
  model TEXT NOT NULL,
  interval_start TIMESTAMP WITH TIME ZONE NOT NULL,
  interval_end TIMESTAMP WITH TIME ZONE NOT NULL,
  forecast DOUBLE PRECISION NOT NULL,
  low DOUBLE PRECISION,
  high DOUBLE PRECISION
);
CREATE INDEX forecasts_target ON forecasts (channel, interval_start);
