-- Human approval of subtitle tracks, per policy entry: a default for the entry's languages and per-language
-- exceptions (space-separated tags that need approval / need none whatever the default says). An entry written
-- before this (or a PUT without approval) requires none.
ALTER TABLE language_policy ADD COLUMN approval_required BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE language_policy ADD COLUMN approval_languages TEXT NOT NULL DEFAULT '';
ALTER TABLE language_policy ADD COLUMN no_approval_languages TEXT NOT NULL DEFAULT '';

-- The change log records the approval rule set with the languages (null for the seed and for a removal).
ALTER TABLE language_policy_change ADD COLUMN approval_required BOOLEAN;
ALTER TABLE language_policy_change ADD COLUMN approval_languages TEXT;
ALTER TABLE language_policy_change ADD COLUMN no_approval_languages TEXT;

-- Per plan, the required languages whose tracks count only once approved (what the policy said when last planned).
ALTER TABLE region_plan ADD COLUMN approval_languages TEXT NOT NULL DEFAULT '';
