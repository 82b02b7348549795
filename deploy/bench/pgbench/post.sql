-- POST /api/sightings with a clientId : SightingService.submit, as Hibernate sends it (advisory lock
-- on the clientId, the duplicate check by client_id_hash (the id alone), INSERT … RETURNING id, the view read back).
\set i random(1, :viewports)
\set r random(1, 4000000000000000)
\set f random(0, 1000000)
\set g random(0, 1000000)
SELECT x0, y0, x1, y1 FROM bench.viewport WHERE id = :i \gset
\set lon :x0 + (:x1 - :x0) * :f / 1000000.0
\set lat :y0 + (:y1 - :y0) * :g / 1000000.0
BEGIN;
SELECT CAST(pg_advisory_xact_lock(:r) AS text);
SELECT s.id FROM sighting s WHERE s.client_id_hash = sha256(convert_to('pgbench-' || :r, 'UTF8'));
INSERT INTO sighting (area, camera_type, check_date, city_code, city_name, client_id_hash, created_at, directions, edit_token_hash, field_of_view, geom, height, merged_into, mount, notes, observed_at, operator, operator_type, source, source_ref, status, surveillance_type, updated_at, version, vsa_evidence, vsa_suspected) VALUES (NULL, 'dome', current_date, '2988507', 'Paris', sha256(convert_to('pgbench-' || :r, 'UTF8')), now(), '{}', sha256(convert_to('token-' || :r, 'UTF8')), 360, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), NULL, NULL, 'wall', NULL, current_date, NULL, NULL, 'walker', NULL, 'pending', 'camera', now(), 0, NULL, false) RETURNING id \gset
SELECT s.id, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat, s.surveillance_type, s.camera_type, s.mount, s.directions, s.field_of_view, s.area, s.zone, s.operator, s.operator_type, s.height, s.vsa_suspected, s.vsa_evidence, s.notes, s.city_code, s.city_name, s.observed_at, s.check_date, s.status, s.removed_on, s.source, s.source_ref, s.version, s.created_at, s.updated_at FROM sighting s WHERE s.id = :id;
COMMIT;
