-- The bulk lane in the relay (issue 17, fairness): rows of a service's bulk topic (eventing.bulk-topic: a studio's back
-- catalogue and the answers about it) leave after every other pending row, so a small studio's event committed
-- behind 100 000 bulk rows waits for the batch in flight, not for the backlog. Order is kept where consumers need it:
-- a drama's events all travel on the topic of its lane, and rows of one topic are all of one lane.
-- The claim walks this index in (bulk, "timestamp", id) order and stops after one batch.
--
-- Repeatable, for the reason R__outbox_wake_on_commit.sql gives: hence the idempotent statements.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS bulk BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX IF NOT EXISTS outbox_event_pending_by_lane ON outbox_event (bulk, "timestamp", id) WHERE sent_at IS NULL;
DROP INDEX IF EXISTS outbox_event_pending;
