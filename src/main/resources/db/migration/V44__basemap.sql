-- The base map the app draws at low zooms, without any other host: land and country borders from
-- Natural Earth, places from the gazetteer. Filled at start by BasemapData from the files the
-- build ships, and filled again when those files change (basemap_source keeps their digest).
-- Web Mercator, as ST_AsMVT wants it. BasemapData drops and builds again the indexes below
-- around each load: keep the two lists the same.

CREATE TABLE basemap_earth (
    id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    geom geometry(Polygon, 3857) NOT NULL
);
CREATE INDEX basemap_earth_geom_idx ON basemap_earth USING gist (geom);

CREATE TABLE basemap_boundary (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The admin level of the Protomaps schema: 2 is a border between countries.
    kind_detail smallint NOT NULL CHECK (kind_detail BETWEEN 1 AND 10),
    geom        geometry(LineString, 3857) NOT NULL
);
CREATE INDEX basemap_boundary_geom_idx ON basemap_boundary USING gist (geom);

CREATE TABLE basemap_place (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL,
    population bigint NOT NULL CHECK (population >= 0),
    -- The lowest zoom that shows it: the bigger the place, the sooner.
    min_zoom   smallint NOT NULL CHECK (min_zoom BETWEEN 0 AND 15),
    geom       geometry(Point, 3857) NOT NULL
);
CREATE INDEX basemap_place_geom_idx ON basemap_place USING gist (geom);
CREATE INDEX basemap_place_zoom_idx ON basemap_place (min_zoom, population DESC);

-- One row: the digest of the files the tables were filled from.
CREATE TABLE basemap_source (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    digest   text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
);
