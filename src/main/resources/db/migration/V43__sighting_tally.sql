-- The statistics read counts, not sightings: GET /api/stats counted a million rows on every call
-- (10 s on 2 cores). sighting_tally holds the public sightings (approved and removed) counted by
-- everything the statistics group by, kept exact by statement-level triggers on sighting: one
-- upsert per statement, whatever the number of rows it touched. '' stands for "none" so that the
-- key needs no NULLS NOT DISTINCT.
CREATE TABLE sighting_tally (
    status            text    NOT NULL,
    city_code         text    NOT NULL,
    city_name         text    NOT NULL,
    surveillance_type text    NOT NULL,
    camera_type       text    NOT NULL,
    vsa_suspected     boolean NOT NULL,
    added_month       text    NOT NULL,
    removed_month     text    NOT NULL,
    n                 bigint  NOT NULL,
    PRIMARY KEY (status, city_code, city_name, surveillance_type, camera_type, vsa_suspected,
                 added_month, removed_month)
);

CREATE FUNCTION sighting_tally_rows(s sighting) RETURNS TABLE (
    status text, city_code text, city_name text, surveillance_type text, camera_type text,
    vsa_suspected boolean, added_month text, removed_month text)
LANGUAGE sql IMMUTABLE AS $$
    SELECT s.status, coalesce(s.city_code, ''), coalesce(s.city_name, ''), s.surveillance_type,
           s.camera_type, s.vsa_suspected, to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM'),
           coalesce(to_char(s.removed_on, 'YYYY-MM'), '')
    WHERE s.status IN ('approved', 'removed')
$$;

-- Adds the rows of `added` and takes away those of `gone`, grouped, in key order (so that two
-- statements lock the same keys in the same order).
CREATE FUNCTION sighting_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO sighting_tally AS t
        SELECT k.*, -count(*) FROM gone o, LATERAL sighting_tally_rows(o) k
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT ON CONSTRAINT sighting_tally_pkey DO UPDATE SET n = t.n + excluded.n;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO sighting_tally AS t
        SELECT k.*, count(*) FROM added a, LATERAL sighting_tally_rows(a) k
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT ON CONSTRAINT sighting_tally_pkey DO UPDATE SET n = t.n + excluded.n;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER sighting_tally_insert AFTER INSERT ON sighting
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION sighting_tally_apply();
CREATE TRIGGER sighting_tally_update AFTER UPDATE ON sighting
    REFERENCING OLD TABLE AS gone NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION sighting_tally_apply();
CREATE TRIGGER sighting_tally_delete AFTER DELETE ON sighting
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION sighting_tally_apply();

INSERT INTO sighting_tally
SELECT k.*, count(*) FROM sighting s, LATERAL sighting_tally_rows(s) k
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
