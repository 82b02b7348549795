-- The moderation queue of a territory reads pending sightings only: with 50,000 of them in one
-- territory at 1M rows, PostgreSQL ANDed the bitmaps of every sighting's geometry and of every
-- pending one, then sorted (362 ms, deploy/bench/RESULTS.md). Pending rows are about a tenth of the
-- table: their own GiST index answers "pending inside this territory" alone, and their own
-- (created_at, id) index gives the queue's order, oldest first, without a sort.
CREATE INDEX sighting_pending_geom_idx ON sighting USING gist (geom) WHERE status = 'pending';
CREATE INDEX sighting_pending_created_idx ON sighting (created_at, id) WHERE status = 'pending';
