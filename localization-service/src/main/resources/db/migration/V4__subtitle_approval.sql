-- A person's decision on a track (APPROVED, or REJECTED with a comment), bound to the revision and body it was made
-- on. Only the latest decision is kept, on the track; a new upload with different bytes clears it (an identical
-- re-upload is no upload and keeps it). Readiness counts an approval only for the track's current revision.
ALTER TABLE subtitle_track ADD COLUMN approval_decision VARCHAR(8) CHECK (approval_decision IN ('APPROVED', 'REJECTED'));
ALTER TABLE subtitle_track ADD COLUMN approval_comment VARCHAR(1000);
ALTER TABLE subtitle_track ADD COLUMN approval_by VARCHAR(128);
ALTER TABLE subtitle_track ADD COLUMN approval_by_role VARCHAR(16);
ALTER TABLE subtitle_track ADD COLUMN approval_at TIMESTAMPTZ;
ALTER TABLE subtitle_track ADD COLUMN approval_revision BIGINT;
ALTER TABLE subtitle_track ADD COLUMN approval_sha256 CHAR(64);
ALTER TABLE subtitle_track ADD CONSTRAINT subtitle_track_approval_complete CHECK (
    (approval_decision IS NULL AND approval_by IS NULL AND approval_at IS NULL AND approval_revision IS NULL)
    OR (approval_decision IS NOT NULL AND approval_by IS NOT NULL AND approval_by_role IS NOT NULL
        AND approval_at IS NOT NULL AND approval_revision IS NOT NULL AND approval_sha256 IS NOT NULL
        AND (approval_decision = 'APPROVED' OR approval_comment IS NOT NULL)));
