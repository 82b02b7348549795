-- The tiles of the low zooms read cells, not sightings: a z5 tile over France gathered every approved
-- camera of the country (7 s at 1M rows, past the statement timeout; deploy/bench/RESULTS.md).
-- sighting_cell holds, for zooms 0 to 10 (ApprovedSightings.CELL_MAX_ZOOM), the approved cameras
-- counted per cell of the tiles' grid: 32 cells a tile side (a cell is 128 of a tile's 4096 units,
-- centred on multiples of 128, see ApprovedSightings.tile), numbered across the whole Web Mercator
-- square so that a tile's cells are a range of the key; with how many are suspected of VSA and the
-- sums of their Web Mercator coordinates (a cell is drawn at their mean). Kept exact by
-- statement-level triggers on sighting, as sighting_tally (V43): approving, merging, removing,
-- moving or deleting a camera moves its counts within the same transaction. Nothing here goes stale.
CREATE TABLE sighting_cell (
    z   smallint NOT NULL,
    cx  integer  NOT NULL,
    cy  integer  NOT NULL,
    n   bigint   NOT NULL,
    vsa bigint   NOT NULL,
    sx  float8   NOT NULL,
    sy  float8   NOT NULL,
    PRIMARY KEY (z, cx, cy)
);

-- The cells of a point (Web Mercator x, y) at zooms 0 to 10: a cell's side at zoom z is the width of
-- the world (2 × 20037508.342789244 m) over 32 × 2^z.
CREATE FUNCTION sighting_cells(x float8, y float8) RETURNS TABLE (z smallint, cx integer, cy integer)
LANGUAGE sql IMMUTABLE AS $$
    SELECT z::smallint,
           floor((x + 20037508.342789244) * (32 * 2 ^ z) / 40075016.685578488 + 0.5)::integer,
           floor((20037508.342789244 - y) * (32 * 2 ^ z) / 40075016.685578488 + 0.5)::integer
    FROM generate_series(0, 10) AS z
$$;

-- Adds the approved rows of `added` and takes away those of `gone`, grouped by cell, in key order
-- (so that two statements lock the same cells in the same order). An update only moves the rows
-- whose status, place or VSA changed: a confirmation or an edit of the notes locks no cell.
CREATE FUNCTION sighting_cell_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO sighting_cell AS c
        SELECT k.z, k.cx, k.cy, count(*), count(*) FILTER (WHERE a.vsa_suspected),
               sum(ST_X(a.geom_3857)), sum(ST_Y(a.geom_3857))
        FROM added a, LATERAL sighting_cells(ST_X(a.geom_3857), ST_Y(a.geom_3857)) k
        WHERE a.status = 'approved'
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT ON CONSTRAINT sighting_cell_pkey DO UPDATE
            SET n = c.n + excluded.n, vsa = c.vsa + excluded.vsa, sx = c.sx + excluded.sx,
                sy = c.sy + excluded.sy;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO sighting_cell AS c
        SELECT k.z, k.cx, k.cy, -count(*), -count(*) FILTER (WHERE o.vsa_suspected),
               -sum(ST_X(o.geom_3857)), -sum(ST_Y(o.geom_3857))
        FROM gone o, LATERAL sighting_cells(ST_X(o.geom_3857), ST_Y(o.geom_3857)) k
        WHERE o.status = 'approved'
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT ON CONSTRAINT sighting_cell_pkey DO UPDATE
            SET n = c.n + excluded.n, vsa = c.vsa + excluded.vsa, sx = c.sx + excluded.sx,
                sy = c.sy + excluded.sy;
    ELSE
        INSERT INTO sighting_cell AS c
        SELECT k.z, k.cx, k.cy, sum(d.n), sum(CASE WHEN d.vsa THEN d.n ELSE 0 END),
               sum(d.n * d.x), sum(d.n * d.y)
        FROM (
            SELECT -1 AS n, o.vsa_suspected AS vsa, ST_X(o.geom_3857) AS x, ST_Y(o.geom_3857) AS y,
                   o.status = 'approved' AS counted
            FROM gone o JOIN added a ON a.id = o.id
            WHERE (o.status = 'approved') <> (a.status = 'approved')
               OR (o.status = 'approved' AND (o.vsa_suspected <> a.vsa_suspected
                   OR ST_X(o.geom_3857) <> ST_X(a.geom_3857) OR ST_Y(o.geom_3857) <> ST_Y(a.geom_3857)))
            UNION ALL
            SELECT 1, a.vsa_suspected, ST_X(a.geom_3857), ST_Y(a.geom_3857), a.status = 'approved'
            FROM gone o JOIN added a ON a.id = o.id
            WHERE (o.status = 'approved') <> (a.status = 'approved')
               OR (a.status = 'approved' AND (o.vsa_suspected <> a.vsa_suspected
                   OR ST_X(o.geom_3857) <> ST_X(a.geom_3857) OR ST_Y(o.geom_3857) <> ST_Y(a.geom_3857)))
        ) d, LATERAL sighting_cells(d.x, d.y) k
        WHERE d.counted
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT ON CONSTRAINT sighting_cell_pkey DO UPDATE
            SET n = c.n + excluded.n, vsa = c.vsa + excluded.vsa, sx = c.sx + excluded.sx,
                sy = c.sy + excluded.sy;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER sighting_cell_insert AFTER INSERT ON sighting
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION sighting_cell_apply();
CREATE TRIGGER sighting_cell_update AFTER UPDATE ON sighting
    REFERENCING OLD TABLE AS gone NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION sighting_cell_apply();
CREATE TRIGGER sighting_cell_delete AFTER DELETE ON sighting
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION sighting_cell_apply();

INSERT INTO sighting_cell
SELECT k.z, k.cx, k.cy, count(*), count(*) FILTER (WHERE s.vsa_suspected),
       sum(ST_X(s.geom_3857)), sum(ST_Y(s.geom_3857))
FROM sighting s, LATERAL sighting_cells(ST_X(s.geom_3857), ST_Y(s.geom_3857)) k
WHERE s.status = 'approved'
GROUP BY 1, 2, 3;
