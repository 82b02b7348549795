-- What the cameras' views (V45, V50) cost the writes to sighting: not a test, a measure. Run it on a
-- SCRATCH copy of a migrated database (it empties sighting and the street network), as a superuser
-- (it turns the views' triggers off and on to get the baseline):
--
--   createdb -T technocarte_test views_bench && psql -X -d views_bench -v rows=1000000 -f deploy/bench/views.sql
--
-- A street grid over Paris (25,600 corners, 51,000 edges, about 75 m apart: the size of a city's walkable
-- network), then, with the views' triggers and without (the difference is what they cost):
--   1. one INSERT of n approved cameras (a COPY, a bulk load), for n = 1,000 / 5,000 / 20,000;
--   2. 10,000 INSERTs of one approved camera, each committed, as POST /api/moderation/imports does
--      (with V45's triggers this one takes about an hour);
--   3. 5,000 approvals one UPDATE each, committed by 100 (POST /api/moderation/approvals takes 100);
--   4. one UPDATE approving 5,000;
--   5. drawing every view of :rows approved cameras over France (what V45 does once at migration, and
--      what a change of technocarte.routes.* does at start), then measuring every street again.
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows 1000000
\endif
SET statement_timeout = 0;
SET client_min_messages = notice;

-- n cameras in the box of the street grid (or over France when france), a realistic mix: fixed
-- ones with one or two directions, domes, a few panning and unknown, some on ceilings.
CREATE OR REPLACE FUNCTION pg_temp.cameras(n integer, state text, france boolean DEFAULT false)
RETURNS TABLE (geom geometry, surveillance_type text, camera_type text, mount text,
               directions integer[], status text, source text)
LANGUAGE sql AS $$
    SELECT CASE WHEN france
                THEN ST_SetSRID(ST_MakePoint(-4.5 + random() * 12, 43 + random() * 7.5), 4326)
                ELSE ST_SetSRID(ST_MakePoint(2.25 + random() * 0.2, 48.81 + random() * 0.09), 4326) END,
           'camera',
           (ARRAY['fixed', 'fixed', 'fixed', 'dome', 'dome', 'panning', 'unknown'])[1 + g % 7],
           CASE WHEN g % 11 = 0 THEN 'ceiling' ELSE 'pole' END,
           CASE WHEN g % 7 IN (0, 1) THEN ARRAY[(g * 37) % 360]
                WHEN g % 7 = 2 THEN ARRAY[(g * 37) % 360, (g * 37 + 180) % 360]
                WHEN g % 7 = 6 AND g % 2 = 0 THEN ARRAY[(g * 13) % 360]
                ELSE '{}'::integer[] END,
           state, 'import'
    FROM generate_series(1, n) g
$$;

CREATE OR REPLACE FUNCTION pg_temp.views(state text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE sighting %s TRIGGER camera_view_insert', state);
    EXECUTE format('ALTER TABLE sighting %s TRIGGER camera_view_update', state);
    EXECUTE format('ALTER TABLE sighting %s TRIGGER camera_view_delete', state);
END
$$;

CREATE OR REPLACE FUNCTION pg_temp.empty() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_temp.views('DISABLE');
    TRUNCATE sighting CASCADE;
    TRUNCATE camera_view;
    UPDATE street_edge SET watched_m = 0 WHERE watched_m <> 0;
    PERFORM pg_temp.views('ENABLE');
END
$$;

\echo == the street grid
TRUNCATE street_vertex CASCADE;
INSERT INTO street_vertex (id, geom)
SELECT i * 1000 + j, ST_SetSRID(ST_MakePoint(2.25 + i * 0.001, 48.81 + j * 0.0007), 4326)
FROM generate_series(0, 199) i, generate_series(0, 127) j;
INSERT INTO street_edge (source, target, name, geom, length_m)
SELECT a.id, b.id, 'rue', ST_MakeLine(a.geom, b.geom), ST_Length(ST_MakeLine(a.geom, b.geom)::geography)
FROM street_vertex a JOIN street_vertex b
  ON (b.id = a.id + 1 AND a.id % 1000 < 127) OR b.id = a.id + 1000;
ANALYZE street_vertex;
ANALYZE street_edge;
SELECT count(*) AS edges, round(sum(length_m) / 1000) AS km FROM street_edge;

\timing on
\echo == 1. one INSERT of n approved cameras, views on then off
SELECT pg_temp.empty();
INSERT INTO sighting (geom, surveillance_type, camera_type, mount, directions, status, source)
SELECT * FROM pg_temp.cameras(1000, 'approved');
SELECT pg_temp.empty();
INSERT INTO sighting (geom, surveillance_type, camera_type, mount, directions, status, source)
SELECT * FROM pg_temp.cameras(5000, 'approved');
SELECT pg_temp.empty();
INSERT INTO sighting (geom, surveillance_type, camera_type, mount, directions, status, source)
SELECT * FROM pg_temp.cameras(20000, 'approved');
SELECT count(*) AS views, (SELECT count(*) FROM street_edge WHERE watched_m > 0) AS watched_edges FROM camera_view;
SELECT pg_temp.empty();
SELECT pg_temp.views('DISABLE');
INSERT INTO sighting (geom, surveillance_type, camera_type, mount, directions, status, source)
SELECT * FROM pg_temp.cameras(20000, 'approved');
SELECT pg_temp.views('ENABLE');
\timing off

-- 20,000 approved cameras stay: the imports and approvals below meet an occupied city.
\echo == 2. 10,000 INSERTs of one approved camera, each committed (the import), views on then off
DO $$
DECLARE
    t0 timestamptz; t timestamptz; worst interval := '0'; total interval := '0';
    trigger_state text;
BEGIN
    FOREACH trigger_state IN ARRAY ARRAY['ENABLE', 'DISABLE'] LOOP
        PERFORM pg_temp.views(trigger_state);
        worst := '0'; t0 := clock_timestamp();
        FOR i IN 1..10000 LOOP
            t := clock_timestamp();
            INSERT INTO sighting (geom, surveillance_type, camera_type, mount, directions, status, source)
            SELECT * FROM pg_temp.cameras(1, 'approved');
            worst := greatest(worst, clock_timestamp() - t);
            COMMIT;
        END LOOP;
        total := clock_timestamp() - t0;
        RAISE NOTICE 'views %: 10,000 one-row INSERTs in % (% per INSERT, the slowest %)',
            lower(trigger_state) || 'd', total, total / 10000, worst;
        PERFORM pg_temp.views('DISABLE');
        DELETE FROM sighting WHERE id > (SELECT max(id) - 10000 FROM sighting);
        DELETE FROM camera_view v WHERE NOT EXISTS (SELECT FROM sighting s WHERE s.id = v.sighting_id);
        PERFORM pg_temp.views('ENABLE');
        COMMIT;
    END LOOP;
END
$$;

\echo == 3. 5,000 approvals, one UPDATE each, committed by 100, views on then off
DO $$
DECLARE
    t0 timestamptz; t timestamptz; worst interval; total interval; batch interval; worst_batch interval;
    trigger_state text; ids bigint[]; b0 timestamptz;
BEGIN
    FOREACH trigger_state IN ARRAY ARRAY['ENABLE', 'DISABLE'] LOOP
        INSERT INTO sighting (geom, surveillance_type, camera_type, mount, directions, status, source)
        SELECT * FROM pg_temp.cameras(5000, 'pending');
        SELECT array_agg(id ORDER BY id) INTO ids FROM sighting WHERE status = 'pending';
        COMMIT;
        PERFORM pg_temp.views(trigger_state);
        worst := '0'; worst_batch := '0'; t0 := clock_timestamp(); b0 := t0;
        FOR i IN 1..cardinality(ids) LOOP
            t := clock_timestamp();
            UPDATE sighting SET status = 'approved', version = version + 1 WHERE id = ids[i];
            worst := greatest(worst, clock_timestamp() - t);
            IF i % 100 = 0 THEN
                COMMIT;
                worst_batch := greatest(worst_batch, clock_timestamp() - b0);
                b0 := clock_timestamp();
            END IF;
        END LOOP;
        COMMIT;
        total := clock_timestamp() - t0;
        RAISE NOTICE 'views %: 5,000 one-row approvals in % (% each, the slowest %; the slowest batch of 100 %)',
            lower(trigger_state) || 'd', total, total / 5000, worst, worst_batch;
        PERFORM pg_temp.views('DISABLE');
        DELETE FROM sighting WHERE id = ANY (ids);
        DELETE FROM camera_view v WHERE NOT EXISTS (SELECT FROM sighting s WHERE s.id = v.sighting_id);
        PERFORM pg_temp.views('ENABLE');
        COMMIT;
    END LOOP;
END
$$;

\echo == 4. one UPDATE approving 5,000, views on then off
INSERT INTO sighting (geom, surveillance_type, camera_type, mount, directions, status, source)
SELECT * FROM pg_temp.cameras(5000, 'pending');
\timing on
UPDATE sighting SET status = 'approved' WHERE status = 'pending';
\timing off
SELECT pg_temp.views('DISABLE');
UPDATE sighting SET status = 'pending' WHERE id > (SELECT max(id) - 5000 FROM sighting);
\timing on
UPDATE sighting SET status = 'approved' WHERE status = 'pending';
\timing off
SELECT pg_temp.views('ENABLE');

\echo == 5. every view of :rows approved cameras over France, then every street measured again
SELECT pg_temp.empty();
SELECT pg_temp.views('DISABLE');
\timing on
INSERT INTO sighting (geom, surveillance_type, camera_type, mount, directions, status, source)
SELECT * FROM pg_temp.cameras(:rows, 'approved', true);
\timing off
SELECT pg_temp.views('ENABLE');
VACUUM ANALYZE sighting;
\timing on
DELETE FROM camera_view;
INSERT INTO camera_view
SELECT id, camera_type, vsa_suspected, camera_view_area(geom, camera_type, mount, directions, field_of_view)
FROM sighting WHERE status = 'approved';
SELECT street_edge_refresh(NULL);
\timing off
SELECT count(*) AS views, pg_size_pretty(pg_total_relation_size('camera_view')) AS size FROM camera_view;
SELECT pg_temp.empty();
