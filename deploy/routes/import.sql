-- Replaces the street network (street_vertex, street_edge) with what osm2pgrouting wrote into the
-- schema street_import, then measures every street under the cameras' views. One transaction: the
-- routes keep the old network until the new one is whole. Run by deploy/routes/import.sh.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL statement_timeout = 0;
DELETE FROM street_edge;
DELETE FROM street_vertex;
INSERT INTO street_vertex (id, geom)
SELECT v.id, v.the_geom FROM street_import.ways_vertices_pgr v
WHERE EXISTS (SELECT FROM street_import.ways w WHERE v.id IN (w.source, w.target));
INSERT INTO street_edge (source, target, name, osm_id, geom, length_m)
SELECT w.source, w.target, w.name, w.osm_id, w.the_geom, ST_Length(w.the_geom::geography)
FROM street_import.ways w
WHERE w.source IS NOT NULL AND w.target IS NOT NULL AND w.the_geom IS NOT NULL
ORDER BY w.gid;
\o /dev/null
SELECT street_edge_refresh(NULL);
\o
COMMIT;
SET client_min_messages = warning;
DROP SCHEMA street_import CASCADE;
ANALYZE street_vertex;
ANALYZE street_edge;
SELECT count(*) AS streets, round(sum(length_m)::numeric / 1000, 1) AS km,
       round(sum(watched_m)::numeric / 1000, 1) AS km_watched
FROM street_edge;
