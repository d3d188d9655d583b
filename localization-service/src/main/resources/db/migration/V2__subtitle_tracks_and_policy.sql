-- What localization keeps of catalog's drama.published snapshot: enough to find a drama by the studio's external
-- id, check uploads against its episodes and run QC against each episode's end. One row per drama, latest version.
CREATE TABLE drama (
    id                UUID         PRIMARY KEY,
    studio_id         VARCHAR(64)  NOT NULL,
    external_id       VARCHAR(128) NOT NULL,
    original_language VARCHAR(35)  NOT NULL,
    drama_version     BIGINT       NOT NULL,
    -- JSON array of {"number": n, "durationMs": ms}, in episode order
    episodes          TEXT         NOT NULL,
    withdrawn         BOOLEAN      NOT NULL DEFAULT FALSE,
    -- the version a drama.withdrawn carried; a drama.published up to this version is stale
    withdrawn_version BIGINT,
    updated_at        TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX drama_by_external_id ON drama (studio_id, external_id);

-- The latest upload per (drama, episode, language). Cues are stored normalised (the parsed document as JSON), so
-- the track can be delivered as WebVTT or SRT whatever was uploaded. A QC_FAILED track is kept so the localizer
-- sees why; only ACCEPTED tracks count for readiness.
CREATE TABLE subtitle_track (
    drama_id         UUID         NOT NULL REFERENCES drama (id),
    episode_number   INT          NOT NULL,
    language         VARCHAR(35)  NOT NULL,
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('ACCEPTED', 'QC_FAILED')),
    source_format    VARCHAR(8)   NOT NULL CHECK (source_format IN ('WEBVTT', 'SRT')),
    document         TEXT         NOT NULL,
    cue_count        INT          NOT NULL,
    qc_report        TEXT         NOT NULL,
    error_count      INT          NOT NULL,
    warning_count    INT          NOT NULL,
    uploaded_by      VARCHAR(128) NOT NULL,
    uploaded_by_role VARCHAR(16)  NOT NULL,
    body_sha256      CHAR(64)     NOT NULL,
    body_bytes       INT          NOT NULL,
    revision         BIGINT       NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (drama_id, episode_number, language)
);

-- Languages a player can offer today (required languages with an accepted track for every episode).
ALTER TABLE region_plan ADD COLUMN available_languages TEXT NOT NULL DEFAULT '';

-- Region -> required subtitle languages, changed by admins. A region is an ISO country or a region group
-- (EU, LATAM, ...); a country without its own row uses its first group's row, else English.
-- Seeded from reference/region-languages.csv as version 1 on first use.
CREATE TABLE language_policy (
    region     VARCHAR(16) PRIMARY KEY,
    languages  TEXT        NOT NULL,
    version    BIGINT      NOT NULL
);

-- Every change of the policy, newest last: the policy version is the highest row.
CREATE TABLE language_policy_change (
    version    BIGINT       PRIMARY KEY,
    changed_at TIMESTAMPTZ  NOT NULL,
    changed_by VARCHAR(128) NOT NULL,
    -- null for the seed; the region set or removed otherwise
    region     VARCHAR(16),
    -- null when the region's row was removed (it falls back to its group again)
    languages  TEXT,
    note       VARCHAR(256)
);
