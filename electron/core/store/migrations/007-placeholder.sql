-- Placeholder on the i9-replay branch only: migration 007 belongs to another issue-9 slice
-- (the log's filters/FTS). The migration runner refuses gaps, so this stands in until that
-- branch is merged; on merge, keep the real 007 and drop this file and its line in index.ts.
SELECT 1;
