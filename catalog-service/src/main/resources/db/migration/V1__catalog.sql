-- A drama is one aggregate: its episodes and licences are stored with it (JSON) and always change together.
CREATE TABLE drama (
    id                UUID         PRIMARY KEY,
    studio_id         VARCHAR(64)  NOT NULL,
    external_id       VARCHAR(128) NOT NULL,
    title             VARCHAR(300) NOT NULL,
    synopsis          TEXT,
    original_language VARCHAR(35)  NOT NULL,
    genres            TEXT         NOT NULL,
    pricing_tier      VARCHAR(64)  NOT NULL,
    episodes          TEXT         NOT NULL,
    licences          TEXT         NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    drama_version     BIGINT       NOT NULL,
    revision          BIGINT       NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT drama_external_id_per_studio UNIQUE (studio_id, external_id)
);

-- Fan-in state per (drama, region): what localization and billing last said, for which drama version.
CREATE TABLE regional_rollout (
    drama_id             UUID        NOT NULL REFERENCES drama (id),
    region               CHAR(2)     NOT NULL,
    drama_version        BIGINT      NOT NULL,
    valid_from           TIMESTAMPTZ NOT NULL,
    valid_until          TIMESTAMPTZ,
    withdrawn            BOOLEAN     NOT NULL DEFAULT FALSE,
    on_hold              BOOLEAN     NOT NULL DEFAULT FALSE,
    localization_version BIGINT      NOT NULL DEFAULT 0,
    localization_ready   BOOLEAN     NOT NULL DEFAULT FALSE,
    missing_languages    TEXT        NOT NULL DEFAULT '',
    subtitle_languages   TEXT        NOT NULL DEFAULT '',
    pricing_version      BIGINT      NOT NULL DEFAULT 0,
    currency             CHAR(3),
    price_minor          BIGINT,
    minor_units          INT,
    coins_per_episode    INT,
    free_episodes        INT,
    PRIMARY KEY (drama_id, region)
);
-- The storefront's hot path: LIVE dramas of one region.
CREATE INDEX regional_rollout_live ON regional_rollout (region, drama_id)
    WHERE localization_ready AND NOT on_hold AND NOT withdrawn AND price_minor IS NOT NULL;
