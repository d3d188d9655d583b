-- Transactional outbox. Column names follow Debezium's outbox event router defaults (id, aggregatetype,
-- aggregateid, type, timestamp, payload, tracingspancontext) so a CDC relay can replace ours later.
CREATE TABLE outbox_event (
    id                 UUID         PRIMARY KEY,
    aggregatetype      VARCHAR(64)  NOT NULL,
    aggregateid        VARCHAR(64)  NOT NULL,
    type               VARCHAR(128) NOT NULL,
    "timestamp"        TIMESTAMPTZ  NOT NULL,
    payload            TEXT         NOT NULL,
    tracingspancontext VARCHAR(512),
    topic              VARCHAR(255) NOT NULL,
    sent_at            TIMESTAMPTZ,
    attempts           INT          NOT NULL DEFAULT 0,
    last_error         VARCHAR(1024)
);
-- The relay reads pending rows oldest first; sent rows are only touched by pruning.
CREATE INDEX outbox_event_pending ON outbox_event ("timestamp") WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

-- Idempotent consumption: one row per (consumer, CloudEvent id), inserted first in the handler's transaction.
CREATE TABLE inbox_message (
    consumer    VARCHAR(64)  NOT NULL,
    event_id    VARCHAR(64)  NOT NULL,
    event_type  VARCHAR(128) NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
