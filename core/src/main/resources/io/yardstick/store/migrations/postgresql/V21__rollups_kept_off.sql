-- A store whose rollups were turned off by hand (`yardstick rollups off`) keeps them off: `yardstick serve` builds the
-- rollups of a large store that keeps none when it opens it (docs/rollups.md), unless this table has its row.
-- `yardstick rollups rebuild` turns them on again and deletes the row.
CREATE TABLE rollups_kept_off (
  since TIMESTAMP WITH TIME ZONE NOT NULL
);
