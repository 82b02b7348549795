-- The map's vector tiles work in Web Mercator (EPSG:3857). Kept beside the WGS84 position, so a
-- zoomed-out tile gathers a million cameras into cells with arithmetic on indexed coordinates
-- instead of transforming every point on every request.
ALTER TABLE sighting
    ADD COLUMN geom_3857 geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX sighting_approved_geom_3857_idx ON sighting USING gist (geom_3857) WHERE status = 'approved';
