-- The national statistics read a few thousand rows, not the tally: at 1M sightings sighting_tally
-- (V43) holds about 669,000 rows (city × type × shape × VSA × month), and GET /api/stats summed them
-- all four times (1.1 s, deploy/bench/RESULTS.md). The statistics group by city or by month, never
-- by both, so three coarser counts of the same rows (sighting_tally_rows: approved and removed
-- sightings, '' for "none") answer them:
--   sighting_city_count   approved cameras per city and name given (the page shows the name most
--                         sightings give), with how many are suspected of VSA;
--   sighting_city_type    approved cameras per city and surveillance type or camera type;
--   sighting_month_count  public sightings of the whole country per status, VSA and months (added,
--                         removed): the totals and the months.
-- Kept exact by statement-level triggers on sighting, as the tally and the cells (V51): approving,
-- merging, removing or deleting a sighting moves its counts in the same transaction, nothing goes
-- stale. A statement moves only the counts it changes (a confirmation or an edit of the notes locks
-- no row), grouped and in key order, so that two statements lock the same rows in the same order.
CREATE TABLE sighting_city_count (
    city_code text   NOT NULL,
    city_name text   NOT NULL,
    n         bigint NOT NULL,
    vsa       bigint NOT NULL,
    PRIMARY KEY (city_code, city_name)
);

CREATE TABLE sighting_city_type (
    kind      text   NOT NULL CHECK (kind IN ('surveillance_type', 'camera_type')),
    city_code text   NOT NULL,
    value     text   NOT NULL,
    n         bigint NOT NULL,
    PRIMARY KEY (kind, city_code, value)
);

CREATE TABLE sighting_month_count (
    status        text    NOT NULL,
    vsa_suspected boolean NOT NULL,
    added_month   text    NOT NULL,
    removed_month text    NOT NULL,
    n             bigint  NOT NULL,
    PRIMARY KEY (status, vsa_suspected, added_month, removed_month)
);

-- Adds to the three counts the rows of `added` and takes away those of `gone`, each grouped,
-- without the groups whose change sums to nothing. The transition tables are visible to the queries
-- this function runs, EXECUTE included, not to the functions it would call: hence one text, `delta`,
-- of sighting_tally_rows columns and n (+1 for a row added, -1 for a row gone), run three times.
CREATE FUNCTION sighting_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added text := 'SELECT k.*, 1 AS n FROM added a, LATERAL sighting_tally_rows(a) k';
    gone  text := 'SELECT k.*, -1 AS n FROM gone o, LATERAL sighting_tally_rows(o) k';
    delta text := CASE TG_OP WHEN 'INSERT' THEN added WHEN 'DELETE' THEN gone
                             ELSE added || ' UNION ALL ' || gone END;
BEGIN
    EXECUTE format($q$
        INSERT INTO sighting_city_count AS c
        SELECT d.city_code, d.city_name, sum(d.n), coalesce(sum(d.n) FILTER (WHERE d.vsa_suspected), 0)
        FROM (%s) d
        WHERE d.status = 'approved' AND d.city_code <> ''
        GROUP BY 1, 2
        HAVING sum(d.n) <> 0 OR coalesce(sum(d.n) FILTER (WHERE d.vsa_suspected), 0) <> 0
        ORDER BY 1, 2
        ON CONFLICT ON CONSTRAINT sighting_city_count_pkey DO UPDATE
            SET n = c.n + excluded.n, vsa = c.vsa + excluded.vsa$q$, delta);
    EXECUTE format($q$
        INSERT INTO sighting_city_type AS c
        SELECT k.kind, d.city_code, k.value, sum(d.n)
        FROM (%s) d,
             LATERAL (VALUES ('surveillance_type', d.surveillance_type),
                             ('camera_type', d.camera_type)) AS k (kind, value)
        WHERE d.status = 'approved' AND d.city_code <> ''
        GROUP BY 1, 2, 3
        HAVING sum(d.n) <> 0
        ORDER BY 1, 2, 3
        ON CONFLICT ON CONSTRAINT sighting_city_type_pkey DO UPDATE SET n = c.n + excluded.n$q$,
        delta);
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
INSERT INTO sighting_city_count
SELECT t.city_code, t.city_name, sum(t.n), coalesce(sum(t.n) FILTER (WHERE t.vsa_suspected), 0)
FROM sighting_tally t
WHERE t.status = 'approved' AND t.city_code <> ''
GROUP BY 1, 2;

INSERT INTO sighting_city_type
SELECT k.kind, t.city_code, k.value, sum(t.n)
FROM sighting_tally t,
     LATERAL (VALUES ('surveillance_type', t.surveillance_type),
                     ('camera_type', t.camera_type)) AS k (kind, value)
WHERE t.status = 'approved' AND t.city_code <> ''
GROUP BY 1, 2, 3;

INSERT INTO sighting_month_count
SELECT t.status, t.vsa_suspected, t.added_month, t.removed_month, sum(t.n)
FROM sighting_tally t
GROUP BY 1, 2, 3, 4;
