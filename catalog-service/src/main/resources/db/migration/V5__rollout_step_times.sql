-- When the current drama version's rollout reached each step in a region (issue 13: the console's rollout timeline
-- shows how long each step took). Written by the use cases that apply the answers of localization and billing and by
-- a release; null until reached. Rows published before this migration have none: their steps are not known.
ALTER TABLE regional_rollout
    ADD COLUMN localized_at TIMESTAMPTZ,
    ADD COLUMN priced_at    TIMESTAMPTZ,
    ADD COLUMN live_at      TIMESTAMPTZ;
