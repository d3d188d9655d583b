-- Which lane this drama's price announcements take (issue 17, fairness): the lane of the catalog topic its first event
-- came on, kept so that every announcement about the drama (publication, ops override, re-pricing) stays ordered on one
-- topic: billing.pricing.v1, or billing.pricing.bulk.v1 for a studio's back catalogue. Dramas known before the bulk
-- answer lane existed were announced on the only topic there was.
ALTER TABLE priced_drama ADD COLUMN answer_lane VARCHAR(16) NOT NULL DEFAULT 'INTERACTIVE';
