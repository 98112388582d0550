-- PLACEHOLDER on branch i9-files only: migration 008 belongs to the log/FTS slice of issue 9
-- (branch i9-log). When the branches merge, the real 008 replaces this file (drop it and its
-- line in index.ts).
SELECT 1;
