-- A custom topic may carry a JSON payload template ({{id}}, {{now}}, {{person.fullName}} …),
-- filled per event so that a burst of a custom topic does not repeat one body (issue 7 item 1).
ALTER TABLE custom_topics ADD COLUMN template TEXT;
