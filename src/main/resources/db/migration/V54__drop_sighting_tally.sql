-- The tally (V43) is read by nothing since the statistics read the counts of V52, yet its triggers
-- still ran on every write to sighting: one more upsert and one more transition table per
-- submission, approval, merge or removal. The counts of V52 stay; so does sighting_tally_rows, the
-- counted row of a public sighting that their triggers group.
DROP TRIGGER sighting_tally_insert ON sighting;
DROP TRIGGER sighting_tally_update ON sighting;
DROP TRIGGER sighting_tally_delete ON sighting;
DROP FUNCTION sighting_tally_apply();
DROP TABLE sighting_tally;
