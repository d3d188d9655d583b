-- Which of catalog's two event topics a drama's events take (issue 17, fairness): catalog.drama.v1, or the bulk lane
-- catalog.drama.bulk.v1 for the dramas of a studio publishing in bulk. Chosen at the drama's first event and kept, so
-- all its events stay ordered on one topic. Dramas that already have events took the only lane there was.
ALTER TABLE drama ADD COLUMN event_lane VARCHAR(16);
UPDATE drama SET event_lane = 'INTERACTIVE' WHERE drama_version > 0;

-- The lane rule counts a studio's publications in the last window (DramaRepository.countPublishedSince).
CREATE INDEX drama_studio_published_at ON drama (studio_id, published_at);
