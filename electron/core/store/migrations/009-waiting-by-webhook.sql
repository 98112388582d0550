-- The engine reads due deliveries per enabled webhook. Reading them from the global due
-- index and dropping those of disabled webhooks walked every delivery a disabled webhook
-- keeps waiting (SPEC §8: they keep their state until it is enabled) on each look, about
-- 300 ms a second with 70,000 of them.
CREATE INDEX deliveries_waiting ON deliveries (webhook_id, next_attempt_at, id) WHERE status IN ('pending', 'retrying');
