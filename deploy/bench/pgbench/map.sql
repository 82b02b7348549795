-- GET /api/sightings?bbox=… : SightingRepository.approved (VIEW_COLUMNS, the bbox of BBox.sqlIntersects,
-- the default limit 1000 + 1). The first line only picks the viewport (a primary-key read).
\set i random(1, :viewports)
SELECT x0, y0, x1, y1 FROM bench.viewport WHERE id = :i \gset
SELECT s.id, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat, s.surveillance_type, s.camera_type, s.mount, s.directions, s.field_of_view, s.area, s.zone, s.operator, s.operator_type, s.height, s.vsa_suspected, s.vsa_evidence, s.notes, s.city_code, s.city_name, s.observed_at, s.check_date, s.status, s.source, s.source_ref, s.version, s.created_at, s.updated_at FROM sighting s WHERE s.status = 'approved' AND s.geom && ST_MakeEnvelope(:x0, :y0, :x1, :y1, 4326) ORDER BY s.id LIMIT 1001;
