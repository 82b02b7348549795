-- Exports and the OGC API filter approved sightings on the date they were seen (observedSince,
-- datetime) and on the last change (updatedSince, for incremental downloads): partial indexes keep
-- those reads off a full scan.
CREATE INDEX sighting_approved_observed_idx ON sighting (observed_at) WHERE status = 'approved';
CREATE INDEX sighting_approved_updated_idx ON sighting (updated_at) WHERE status = 'approved';
-- Keyset pages (id > after ORDER BY id) over approved sightings only.
CREATE INDEX sighting_approved_id_idx ON sighting (id) WHERE status = 'approved';
