-- The localization plan: per (drama, region), which subtitle languages are required and still missing,
-- for the latest drama version seen. A withdrawn drama's plan is closed and emits nothing more.
CREATE TABLE region_plan (
    drama_id          UUID        NOT NULL,
    region            CHAR(2)     NOT NULL,
    drama_version     BIGINT      NOT NULL,
    studio_id         VARCHAR(64) NOT NULL,
    original_language VARCHAR(35) NOT NULL,
    episode_count     INT         NOT NULL,
    required_languages TEXT       NOT NULL,
    missing_languages TEXT        NOT NULL,
    ready             BOOLEAN     NOT NULL,
    closed            BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (drama_id, region)
);
CREATE INDEX region_plan_open_by_region ON region_plan (region) WHERE NOT closed;
