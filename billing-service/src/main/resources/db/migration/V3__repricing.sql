-- Re-pricing: when reference data changes or a dated version comes into force, every active price is recomputed.
-- One row holds the sweep: the target (reference revision and pricing date) it prices against, and where it
-- stands, so that a restart or another replica goes on from the last committed batch instead of starting over.
CREATE TABLE repricing_state (
    id              SMALLINT    PRIMARY KEY CHECK (id = 1),
    target_revision BIGINT      NOT NULL,
    target_date     DATE        NOT NULL,
    -- the last drama whose prices were checked against the target; null before the first batch
    cursor_drama    UUID,
    completed       BOOLEAN     NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    completed_at    TIMESTAMPTZ,
    checked         BIGINT      NOT NULL,
    repriced        BIGINT      NOT NULL
);
-- Revision -1 matches no real target: the first round after this migration checks every stored price once.
INSERT INTO repricing_state (id, target_revision, target_date, cursor_drama, completed, started_at, completed_at, checked, repriced)
VALUES (1, -1, DATE '1970-01-01', NULL, TRUE, now(), now(), 0, 0);

-- The sweep walks dramas in id order, skipping withdrawn ones.
CREATE INDEX priced_drama_active_by_id ON priced_drama (drama_id) WHERE NOT withdrawn;
-- The preview lists a region's active prices.
CREATE INDEX drama_price_active_by_region ON drama_price (region, drama_id) WHERE active;
