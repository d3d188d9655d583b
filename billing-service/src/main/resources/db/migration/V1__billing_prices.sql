-- The price of one drama in one storefront for the latest drama version seen.
CREATE TABLE drama_price (
    drama_id          UUID        NOT NULL,
    region            CHAR(2)     NOT NULL,
    drama_version     BIGINT      NOT NULL,
    studio_id         VARCHAR(64) NOT NULL,
    pricing_tier      VARCHAR(64) NOT NULL,
    currency          CHAR(3)     NOT NULL,
    amount_minor      BIGINT      NOT NULL,
    minor_units       INT         NOT NULL,
    tax_inclusive     BOOLEAN     NOT NULL,
    coins_per_episode INT         NOT NULL,
    free_episodes     INT         NOT NULL,
    series_coins      INT         NOT NULL,
    active            BOOLEAN     NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (drama_id, region)
);
