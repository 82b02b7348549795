-- GET /ogc/collections/sightings/items?bbox=…&limit=1000 : OgcService.items, ApprovedSightings.count
-- then ApprovedSightings.stream (a read-only transaction, statement timeouts set for it, limit + 1).
\set i random(1, :viewports)
SELECT x0, y0, x1, y1 FROM bench.viewport WHERE id = :i \gset
SELECT count(*) FROM sighting s WHERE s.status = 'approved' AND (s.geom && ST_MakeEnvelope(:x0, :y0, :x1, :y1, 4326));
BEGIN READ ONLY;
SELECT set_config('statement_timeout', '300000', true), set_config('lock_timeout', '5000', true);
SELECT s.id, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat, s.surveillance_type, s.camera_type, s.mount, s.directions, s.field_of_view, s.area, s.zone, s.operator, s.operator_type, s.height, s.vsa_suspected, s.vsa_evidence, s.notes, s.city_code, s.city_name, s.observed_at, s.check_date, s.status, s.source, s.source_ref, s.version, s.created_at, s.updated_at FROM sighting s WHERE s.status = 'approved' AND (s.geom && ST_MakeEnvelope(:x0, :y0, :x1, :y1, 4326)) AND s.id > 0 ORDER BY s.id LIMIT 1001;
ROLLBACK;
