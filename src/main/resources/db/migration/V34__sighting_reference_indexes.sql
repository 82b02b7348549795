-- Foreign keys to sighting whose referencing column had no index: deleting or merging sightings
-- made PostgreSQL scan these tables once per sighting (a quadratic delete of a large set).
CREATE INDEX sighting_merged_into_idx ON sighting (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX import_ref_sighting_idx ON import_ref (sighting_id);
