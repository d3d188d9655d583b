-- Wake the outbox relay on commit (issue 17). One notification per inserting statement; PostgreSQL delivers it when
-- the transaction commits (never for a rolled-back one) to every listener of the database (each replica's
-- OutboxCommitListener), and folds identical notifications of one transaction into one. The payload is empty: it is
-- a hint, the relay reads the rows from the table; its poll stays the fallback for a missed notification.
--
-- Repeatable (R__), not versioned: db/support shares one Flyway history with each service's db/migration (versions
-- V1..V3 there, V0_1 here), so a new support version would sort below versions the services' databases have already
-- applied and be refused as out of order. Repeatable migrations run after the versioned ones, again whenever this
-- file changes, hence the idempotent statements.
CREATE OR REPLACE FUNCTION outbox_event_committed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS outbox_event_wake_relay ON outbox_event;
CREATE TRIGGER outbox_event_wake_relay AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_committed();
