-- Billing's own view of each drama it has heard of: the latest catalog version applied (published or withdrawn).
-- Every writer of a drama's prices (event handler, ops override) locks this row first, so they never interleave.
CREATE TABLE priced_drama (
    drama_id      UUID        PRIMARY KEY,
    studio_id     VARCHAR(64) NOT NULL,
    drama_version BIGINT      NOT NULL,
    pricing_tier  VARCHAR(64),
    episode_count INT         NOT NULL,
    withdrawn     BOOLEAN     NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- Not back-filled from drama_price: the episode count was never stored, so a drama priced before this migration
-- gets its row (and becomes overridable) with its next drama.published.

-- Where the announced price came from: the drama's tier or an ops override.
ALTER TABLE drama_price ADD COLUMN source VARCHAR(16) NOT NULL DEFAULT 'TIER';

-- At most one override per (drama, region); it outlives re-publications until ops delete it.
CREATE TABLE price_override (
    drama_id          UUID         NOT NULL,
    region            CHAR(2)      NOT NULL,
    coins_per_episode INT          NOT NULL CHECK (coins_per_episode > 0),
    free_episodes     INT          NOT NULL CHECK (free_episodes >= 0),
    series_coins      INT          CHECK (series_coins >= 0),
    reason            VARCHAR(500) NOT NULL,
    set_by            VARCHAR(255) NOT NULL,
    set_by_subject    VARCHAR(255),
    set_at            TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (drama_id, region)
);

-- Append-only history of every price decision for a (drama, region).
CREATE TABLE pricing_audit (
    id                BIGSERIAL    PRIMARY KEY,
    drama_id          UUID         NOT NULL,
    region            CHAR(2)      NOT NULL,
    action            VARCHAR(32)  NOT NULL,
    drama_version     BIGINT       NOT NULL,
    source            VARCHAR(16),
    coins_per_episode INT,
    free_episodes     INT,
    series_coins      INT,
    currency          CHAR(3),
    amount_minor      BIGINT,
    minor_units       INT,
    reason            VARCHAR(500),
    actor             VARCHAR(255) NOT NULL,
    actor_subject     VARCHAR(255),
    recorded_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX pricing_audit_newest_first ON pricing_audit (drama_id, region, recorded_at DESC, id DESC);

-- Reference-data versions added by admins on top of the CSV files shipped in the jar (the seed). Rows are only
-- ever inserted: a change is a new version with a later date, so prices for past dates stay reproducible.
-- NUMERIC without a scale keeps the value exactly as entered (0.19 stays 0.19).
CREATE TABLE storefront_version (
    region                CHAR(2)      NOT NULL,
    effective_from        DATE         NOT NULL,
    name                  VARCHAR(100) NOT NULL,
    currency              CHAR(3)      NOT NULL,
    minor_units           INT          NOT NULL,
    cash_increment        NUMERIC,
    price_ladder          VARCHAR(64)  NOT NULL,
    tax_inclusive_display BOOLEAN      NOT NULL,
    tax_rate              NUMERIC      NOT NULL,
    tax_rate_checked      BOOLEAN      NOT NULL,
    notes                 VARCHAR(500) NOT NULL,
    source                VARCHAR(500) NOT NULL,
    recorded_by           VARCHAR(255) NOT NULL,
    recorded_at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (region, effective_from)
);

CREATE TABLE fx_rate_version (
    currency      CHAR(3)      NOT NULL,
    as_of         DATE         NOT NULL,
    units_per_usd NUMERIC      NOT NULL CHECK (units_per_usd > 0),
    source        VARCHAR(500) NOT NULL,
    recorded_by   VARCHAR(255) NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (currency, as_of)
);

CREATE TABLE ppp_factor_version (
    region         CHAR(2)      NOT NULL,
    effective_from DATE         NOT NULL,
    factor         NUMERIC      NOT NULL CHECK (factor > 0),
    note           VARCHAR(500) NOT NULL,
    recorded_by    VARCHAR(255) NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (region, effective_from)
);

CREATE TABLE tier_version (
    tier                    VARCHAR(64)  NOT NULL,
    effective_from          DATE         NOT NULL,
    free_episodes           INT          NOT NULL,
    coins_per_episode       INT          NOT NULL,
    series_discount_percent NUMERIC,
    notes                   VARCHAR(500) NOT NULL,
    recorded_by             VARCHAR(255) NOT NULL,
    recorded_at             TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tier, effective_from)
);
