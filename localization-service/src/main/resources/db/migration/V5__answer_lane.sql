-- Which lane this drama's readiness answers take (issue 17, fairness): the lane of the catalog topic its first event
-- came on, kept so that every answer about the drama (publication, upload, approval, policy change) stays ordered on
-- one topic: localization.readiness.v1, or localization.readiness.bulk.v1 for a studio's back catalogue. Dramas known
-- before the bulk answer lane existed answered on the only topic there was.
ALTER TABLE drama ADD COLUMN answer_lane VARCHAR(16) NOT NULL DEFAULT 'INTERACTIVE';
