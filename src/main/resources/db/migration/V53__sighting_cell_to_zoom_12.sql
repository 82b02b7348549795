-- The cells now go up to zoom 12 (ApprovedSightings.CELL_MAX_ZOOM): at 1M cameras a z11 tile over
-- Paris gathered about 60,000 of them from the sightings themselves, 77 ms for one tile against the
-- 50 ms every tile must hold (deploy/bench/RESULTS.md, 2026-12-04); from its cells it is a read of at
-- most 32 × 32 rows, as at the lower zooms. The same triggers (V51) keep zooms 11 and 12 exact.
CREATE OR REPLACE FUNCTION sighting_cells(x float8, y float8) RETURNS TABLE (z smallint, cx integer, cy integer)
LANGUAGE sql IMMUTABLE AS $$
    SELECT z::smallint,
           floor((x + 20037508.342789244) * (32 * 2 ^ z) / 40075016.685578488 + 0.5)::integer,
           floor((20037508.342789244 - y) * (32 * 2 ^ z) / 40075016.685578488 + 0.5)::integer
    FROM generate_series(0, 12) AS z
$$;

INSERT INTO sighting_cell
SELECT k.z, k.cx, k.cy, count(*), count(*) FILTER (WHERE s.vsa_suspected),
       sum(ST_X(s.geom_3857)), sum(ST_Y(s.geom_3857))
FROM sighting s, LATERAL sighting_cells(ST_X(s.geom_3857), ST_Y(s.geom_3857)) k
WHERE s.status = 'approved' AND k.z > 10
GROUP BY 1, 2, 3;
