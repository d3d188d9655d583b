-- The platform's audit trail (ADR 0005): one row per audit.recorded event of any service, written once per event id
-- by the consumer of platform.audit.v1. Append-only: no API changes or deletes a row, and the trigger below refuses
-- UPDATE, DELETE and TRUNCATE to anyone who tries anyway.
CREATE TABLE audit_record (
    event_id     UUID        PRIMARY KEY,           -- the CloudEvent id (outbox row id of the producing service)
    occurred_at  TIMESTAMPTZ NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor        TEXT        NOT NULL,
    actor_role   TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    service      TEXT        NOT NULL,
    entity_type  TEXT        NOT NULL,
    entity_id    TEXT        NOT NULL,
    drama_id     UUID,
    studio_id    TEXT,
    regions      TEXT[]      NOT NULL DEFAULT '{}', -- countries touched; empty for a platform-wide action
    reason       TEXT,
    before       JSONB,
    after        JSONB
);

-- Newest first everywhere; event_id breaks ties so that pages never overlap.
CREATE INDEX audit_record_newest ON audit_record (occurred_at DESC, event_id DESC);
CREATE INDEX audit_record_by_drama ON audit_record (drama_id, occurred_at DESC, event_id DESC) WHERE drama_id IS NOT NULL;
CREATE INDEX audit_record_by_actor ON audit_record (actor, occurred_at DESC, event_id DESC);
CREATE INDEX audit_record_by_studio ON audit_record (studio_id, occurred_at DESC, event_id DESC) WHERE studio_id IS NOT NULL;
-- Per region, and an ops caller's scope (regions && their claim): both are array containment/overlap, which GIN serves.
CREATE INDEX audit_record_by_region ON audit_record USING GIN (regions);

CREATE FUNCTION audit_record_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_record_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();
