-- The rollups keep no combination of two or more dimensions any more (a question by two dimensions is a scan), and
-- the value-count histograms only the rows of no dimension and of the channel (docs/rollups.md): the rows a store
-- built before this version holds beyond those go. The rest stays exact and kept.
DELETE FROM rollup_contacts WHERE gset NOT IN (0, 1, 2, 4, 8, 16, 32);
DELETE FROM rollup_cases WHERE gset NOT IN (0, 1, 2, 4, 8, 16, 32);
DELETE FROM rollup_surveys WHERE gset NOT IN (0, 1, 2, 4, 8, 16, 32);
DELETE FROM rollup_values WHERE gset NOT IN (0, 1);
