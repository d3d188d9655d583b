-- Studios are registered by an admin. Dramas stored before this migration keep working: their studios are
-- registered here under their id, so the new foreign key holds.
CREATE TABLE studio (
    id            VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    active        BOOLEAN      NOT NULL,
    registered_by VARCHAR(200) NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);
INSERT INTO studio (id, name, active, registered_by, registered_at, updated_at)
SELECT DISTINCT studio_id, studio_id, TRUE, 'migration V2', now(), now() FROM drama;
ALTER TABLE drama ADD CONSTRAINT drama_studio FOREIGN KEY (studio_id) REFERENCES studio (id);

-- The rest of the content model: tags, cover, localized texts, age ratings (all JSON: read and written with
-- the aggregate), plus the episode count for list reads and what the last publication contained.
ALTER TABLE drama
    ADD COLUMN tags               TEXT          NOT NULL DEFAULT '[]',
    ADD COLUMN cover_image_uri    VARCHAR(2048),
    ADD COLUMN localizations      TEXT          NOT NULL DEFAULT '{}',
    ADD COLUMN age_ratings        TEXT          NOT NULL DEFAULT '[]',
    ADD COLUMN episode_count      INT           NOT NULL DEFAULT 0,
    ADD COLUMN published_episodes INT           NOT NULL DEFAULT 0,
    ADD COLUMN published_at       TIMESTAMPTZ,
    ADD COLUMN published_fingerprint CHAR(64);
UPDATE drama SET episode_count = json_array_length(episodes::json);
UPDATE drama SET published_episodes = episode_count, published_at = updated_at WHERE status = 'PUBLISHED';
CREATE INDEX drama_by_studio ON drama (studio_id, updated_at DESC, id);

-- Ops hold (who, when, why) and the age-rating blocker per region; listed_at orders the storefront.
ALTER TABLE regional_rollout
    ADD COLUMN hold_reason         VARCHAR(500),
    ADD COLUMN held_by             VARCHAR(200),
    ADD COLUMN held_at             TIMESTAMPTZ,
    ADD COLUMN age_rating_required BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN age_rating          VARCHAR(80),
    ADD COLUMN listed_at           TIMESTAMPTZ;
UPDATE regional_rollout r SET listed_at = d.published_at FROM drama d WHERE d.id = r.drama_id;
UPDATE regional_rollout SET listed_at = valid_from WHERE listed_at IS NULL;
ALTER TABLE regional_rollout ALTER COLUMN listed_at SET NOT NULL;

-- The storefront's hot path: every condition of LIVE that does not depend on the clock is in the predicate, so
-- a page is an ordered walk of this index with the window checked on the fly. The query repeats the predicate.
DROP INDEX regional_rollout_live;
CREATE INDEX regional_rollout_storefront ON regional_rollout (region, listed_at DESC, drama_id)
    WHERE NOT withdrawn AND NOT on_hold AND localization_ready AND localization_version >= drama_version
      AND price_minor IS NOT NULL AND pricing_version >= drama_version
      AND (age_rating IS NOT NULL OR NOT age_rating_required);
-- The ops rollout board of one region.
CREATE INDEX regional_rollout_board ON regional_rollout (region, drama_id);

-- Language lists are JSON arrays everywhere (the storefront reads them as jsonb); V1 defaulted them to ''.
UPDATE regional_rollout SET missing_languages = '[]' WHERE missing_languages = '';
UPDATE regional_rollout SET subtitle_languages = '[]' WHERE subtitle_languages = '';
ALTER TABLE regional_rollout ALTER COLUMN missing_languages SET DEFAULT '[]';
ALTER TABLE regional_rollout ALTER COLUMN subtitle_languages SET DEFAULT '[]';
