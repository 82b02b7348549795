-- The national statistics read a few thousand rows, not the tally: at 1M sightings sighting_tally
-- (V43) holds about 669,000 rows (city × type × shape × VSA × month), and GET /api/stats summed them
-- all four times (1.1 s, deploy/bench/RESULTS.md). The statistics group by city or by month, never
-- by both, so two coarser counts of the same rows (sighting_tally_rows: approved and removed
-- sightings, '' for "none") answer them:
--   sighting_city_count   approved cameras per city and name given (the page shows the name most
--                         sightings give): how many, how many suspected of VSA, and how many of
--                         each surveillance type (kind_*) and camera type (shape_*), the values
--                         sighting's CHECKs allow (V1), so that a city is one row;
--   sighting_month_count  public sightings of the whole country per status, VSA and months (added,
--                         removed): the totals and the months.
-- Kept exact by statement-level triggers on sighting, as the tally and the cells (V51): approving,
-- merging, removing or deleting a sighting moves its counts in the same transaction, nothing goes
-- stale. A statement moves only the counts it changes (a confirmation or an edit of the notes locks
-- no row), grouped and in key order, so that two statements lock the same rows in the same order.
CREATE TABLE sighting_city_count (
    city_code     text   NOT NULL,
    city_name     text   NOT NULL,
    n             bigint NOT NULL,
    vsa           bigint NOT NULL,
    kind_alpr     bigint NOT NULL,
    kind_camera   bigint NOT NULL,
    kind_guard    bigint NOT NULL,
    kind_other    bigint NOT NULL,
    shape_dome    bigint NOT NULL,
    shape_fixed   bigint NOT NULL,
    shape_panning bigint NOT NULL,
    shape_unknown bigint NOT NULL,
    PRIMARY KEY (city_code, city_name)
);

-- The counted columns of a city's rows d (from sighting_tally_rows, with n).
CREATE FUNCTION sighting_city_counted() RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT 'sum(d.n) AS n, '
        || string_agg(format('coalesce(sum(d.n) FILTER (WHERE %s), 0) AS %I', c, name), ', '
                      ORDER BY o)
    FROM (VALUES (1, 'vsa', 'd.vsa_suspected'),
                 (2, 'kind_alpr', $v$d.surveillance_type = 'alpr'$v$),
                 (3, 'kind_camera', $v$d.surveillance_type = 'camera'$v$),
                 (4, 'kind_guard', $v$d.surveillance_type = 'guard'$v$),
                 (5, 'kind_other', $v$d.surveillance_type = 'other'$v$),
                 (6, 'shape_dome', $v$d.camera_type = 'dome'$v$),
                 (7, 'shape_fixed', $v$d.camera_type = 'fixed'$v$),
                 (8, 'shape_panning', $v$d.camera_type = 'panning'$v$),
                 (9, 'shape_unknown', $v$d.camera_type = 'unknown'$v$)) AS v (o, name, c)
$$;

CREATE TABLE sighting_month_count (
    status        text    NOT NULL,
    vsa_suspected boolean NOT NULL,
    added_month   text    NOT NULL,
    removed_month text    NOT NULL,
    n             bigint  NOT NULL,
    PRIMARY KEY (status, vsa_suspected, added_month, removed_month)
);

-- Adds to the two counts the rows of `added` and takes away those of `gone`, each grouped,
-- without the groups whose change sums to nothing. The transition tables are visible to the queries
-- this function runs, EXECUTE included, not to the functions it would call: hence one text, `delta`,
-- of sighting_tally_rows columns and n (+1 for a row added, -1 for a row gone), run twice.
CREATE FUNCTION sighting_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added text := 'SELECT k.*, 1 AS n FROM added a, LATERAL sighting_tally_rows(a) k';
    gone  text := 'SELECT k.*, -1 AS n FROM gone o, LATERAL sighting_tally_rows(o) k';
    delta text := CASE TG_OP WHEN 'INSERT' THEN added WHEN 'DELETE' THEN gone
                             ELSE added || ' UNION ALL ' || gone END;
BEGIN
    EXECUTE format($q$
        INSERT INTO sighting_city_count AS c
        SELECT * FROM (
            SELECT d.city_code, d.city_name, %s
            FROM (%s) d
            WHERE d.status = 'approved' AND d.city_code <> ''
            GROUP BY 1, 2) g
        WHERE (g.n, g.vsa, g.kind_alpr, g.kind_camera, g.kind_guard, g.kind_other, g.shape_dome,
               g.shape_fixed, g.shape_panning, g.shape_unknown) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        ORDER BY 1, 2
        ON CONFLICT ON CONSTRAINT sighting_city_count_pkey DO UPDATE
            SET n = c.n + excluded.n, vsa = c.vsa + excluded.vsa,
                kind_alpr = c.kind_alpr + excluded.kind_alpr,
                kind_camera = c.kind_camera + excluded.kind_camera,
                kind_guard = c.kind_guard + excluded.kind_guard,
                kind_other = c.kind_other + excluded.kind_other,
                shape_dome = c.shape_dome + excluded.shape_dome,
                shape_fixed = c.shape_fixed + excluded.shape_fixed,
                shape_panning = c.shape_panning + excluded.shape_panning,
                shape_unknown = c.shape_unknown + excluded.shape_unknown$q$,
        sighting_city_counted(), delta);
    EXECUTE format($q$
        INSERT INTO sighting_month_count AS c
        SELECT d.status, d.vsa_suspected, d.added_month, d.removed_month, sum(d.n)
        FROM (%s) d
        GROUP BY 1, 2, 3, 4
        HAVING sum(d.n) <> 0
        ORDER BY 1, 2, 3, 4
        ON CONFLICT ON CONSTRAINT sighting_month_count_pkey DO UPDATE SET n = c.n + excluded.n$q$,
        delta);
    RETURN NULL;
END
$$;

CREATE TRIGGER sighting_counts_insert AFTER INSERT ON sighting
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION sighting_counts_apply();
CREATE TRIGGER sighting_counts_update AFTER UPDATE ON sighting
    REFERENCING OLD TABLE AS gone NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION sighting_counts_apply();
CREATE TRIGGER sighting_counts_delete AFTER DELETE ON sighting
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION sighting_counts_apply();

-- From the tally, which V43's triggers keep exact (city/TallyTest): it is a third of the size of
-- the table at 1M rows.
DO $$
BEGIN
    EXECUTE format($q$
        INSERT INTO sighting_city_count
        SELECT d.city_code, d.city_name, %s
        FROM sighting_tally d
        WHERE d.status = 'approved' AND d.city_code <> ''
        GROUP BY 1, 2$q$, sighting_city_counted());
END
$$;

INSERT INTO sighting_month_count
SELECT t.status, t.vsa_suspected, t.added_month, t.removed_month, sum(t.n)
FROM sighting_tally t
GROUP BY 1, 2, 3, 4;
