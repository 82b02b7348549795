-- GET /tiles/sightings/{z}/{x}/{y}.mvt at zoom 10 or less, without a filter : ApprovedSightings.cellTile
-- (the cells that V51's triggers keep counted; 32 cells a tile side and those on its right and bottom
-- edges). The first line only picks the tile (a primary-key read). VectorTileTest checks that this is
-- the app's SQL.
\set i random(:first, :last)
SELECT z, x, y, margin FROM bench.tile WHERE id = :i \gset
\set cx0 32 * :x
\set cx1 32 * :x + 32
\set cy0 32 * :y
\set cy1 32 * :y + 32
WITH t AS (SELECT ST_TileEnvelope(:z, :x, :y) AS box) SELECT ST_AsMVT(f, 'sightings', 4096, 'geom') FROM (SELECT c.n AS count, c.vsa, ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(c.sx / c.n, c.sy / c.n), 3857), t.box, 4096, 64, true) AS geom FROM sighting_cell c, t WHERE c.z = :z AND c.cx BETWEEN :cx0 AND :cx1 AND c.cy BETWEEN :cy0 AND :cy1 AND c.n > 0) f WHERE f.geom IS NOT NULL;
