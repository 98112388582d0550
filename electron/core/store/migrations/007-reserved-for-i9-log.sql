-- PLACEHOLDER on branch i9-files only: migration 007 belongs to the log/FTS slice of issue 9
-- (branch i9-log). The runner refuses gaps, so 009 needs a 7 and an 8 to exist here; when the
-- branches merge, the real 007 replaces this file (drop it and its line in index.ts).
SELECT 1;
