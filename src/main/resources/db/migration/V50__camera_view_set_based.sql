-- The cameras' views redrawn set-based (issue 15). V45's triggers handed each statement's rows to
-- camera_view_redraw as two arrays and picked every row out of them with `id = ANY (ids)`: work
-- quadratic in the rows of one statement (a COPY of a million rows, as deploy/bench/run.sh loads,
-- never ended), and then measured again every street under the ST_Union of all the changed areas, a
-- union whose bounding box, for rows spread over a country, holds every street. Here each statement
-- joins its transition tables directly, as V43's tallies do: one DELETE and one INSERT of views,
-- then only the streets that cross one of the changed areas (each found by the GiST index), each
-- measured once.

-- Measures again the watched length of the edges `edges` (ids of street_edge).
CREATE FUNCTION street_edge_measure(edges bigint[]) RETURNS void LANGUAGE sql AS $$
    UPDATE street_edge e
    SET watched_m = coalesce((
        SELECT ST_Length(ST_Intersection(e.geom, ST_Union(v.area))::geography)
        FROM camera_view v WHERE v.area && e.geom AND ST_Intersects(v.area, e.geom)), 0)
    WHERE e.id = ANY (edges)
$$;

-- The rows of an UPDATE whose view may differ: a changed status, position, type, mount, directions,
-- field of view or suspicion (or id). Two statements where a view is replaced, the DELETE before the
-- INSERT: the sub-statements of one WITH run in no set order, and the INSERT would meet the old row.
-- Each transition table is named only in the branch of the operation that has it.
CREATE OR REPLACE FUNCTION camera_view_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    erased_edges bigint[];
    drawn_edges  bigint[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        WITH erased AS (
            DELETE FROM camera_view v USING gone o WHERE v.sighting_id = o.id RETURNING v.area
        )
        SELECT array_agg(DISTINCT e.id) INTO erased_edges
        FROM erased d JOIN street_edge e ON e.geom && d.area AND ST_Intersects(e.geom, d.area);
    ELSIF TG_OP = 'INSERT' THEN
        WITH drawn AS (
            INSERT INTO camera_view
            SELECT a.id, a.camera_type, a.vsa_suspected,
                   camera_view_area(a.geom, a.camera_type, a.mount, a.directions, a.field_of_view)
            FROM added a WHERE a.status = 'approved'
            RETURNING area
        )
        SELECT array_agg(DISTINCT e.id) INTO drawn_edges
        FROM drawn d JOIN street_edge e ON e.geom && d.area AND ST_Intersects(e.geom, d.area);
    ELSE
        WITH erased AS (
            DELETE FROM camera_view v USING gone o
            WHERE v.sighting_id = o.id
              AND NOT EXISTS (
                  SELECT FROM added a
                  WHERE a.id = o.id
                    AND (a.status, a.geom, a.camera_type, a.mount, a.directions, a.field_of_view,
                         a.vsa_suspected)
                        IS NOT DISTINCT FROM (o.status, o.geom, o.camera_type, o.mount,
                                              o.directions, o.field_of_view, o.vsa_suspected))
            RETURNING v.area
        )
        SELECT array_agg(DISTINCT e.id) INTO erased_edges
        FROM erased d JOIN street_edge e ON e.geom && d.area AND ST_Intersects(e.geom, d.area);
        WITH drawn AS (
            INSERT INTO camera_view
            SELECT a.id, a.camera_type, a.vsa_suspected,
                   camera_view_area(a.geom, a.camera_type, a.mount, a.directions, a.field_of_view)
            FROM added a
            WHERE a.status = 'approved'
              AND NOT EXISTS (
                  SELECT FROM gone o
                  WHERE o.id = a.id
                    AND (a.status, a.geom, a.camera_type, a.mount, a.directions, a.field_of_view,
                         a.vsa_suspected)
                        IS NOT DISTINCT FROM (o.status, o.geom, o.camera_type, o.mount,
                                              o.directions, o.field_of_view, o.vsa_suspected))
            RETURNING area
        )
        SELECT array_agg(DISTINCT e.id) INTO drawn_edges
        FROM drawn d JOIN street_edge e ON e.geom && d.area AND ST_Intersects(e.geom, d.area);
    END IF;
    IF erased_edges IS NOT NULL OR drawn_edges IS NOT NULL THEN
        PERFORM street_edge_measure(coalesce(erased_edges, '{}') || coalesce(drawn_edges, '{}'));
    END IF;
    RETURN NULL;
END
$$;

DROP FUNCTION camera_view_redraw(bigint[], sighting[]);
