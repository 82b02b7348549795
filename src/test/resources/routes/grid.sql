-- A grid of 5 × 5 streets 100 m apart (vertices (i, j), i eastwards, j northwards, 0..4) near
-- Gramat (Lot), far from every other fixture: "Rue j" runs east-west, "Avenue i" north-south.
-- Vertex ids are 100 + 10 i + j.
DELETE FROM street_edge;
DELETE FROM street_vertex;
INSERT INTO street_vertex (id, geom)
SELECT 100 + 10 * i + j,
       ST_Project(ST_Project(ST_SetSRID(ST_MakePoint(1.70, 44.70), 4326)::geography, 100 * j, 0),
                  100 * i, pi() / 2)::geometry
FROM generate_series(0, 4) i, generate_series(0, 4) j;
INSERT INTO street_edge (source, target, name, geom, length_m)
SELECT a.id, b.id, e.name, ST_MakeLine(a.geom, b.geom), ST_Distance(a.geom::geography, b.geom::geography)
FROM (SELECT 100 + 10 * i + j AS a, 100 + 10 * (i + 1) + j AS b, 'Rue ' || j AS name
      FROM generate_series(0, 3) i, generate_series(0, 4) j
      UNION ALL
      SELECT 100 + 10 * i + j, 100 + 10 * i + j + 1, 'Avenue ' || i
      FROM generate_series(0, 4) i, generate_series(0, 3) j) e
JOIN street_vertex a ON a.id = e.a JOIN street_vertex b ON b.id = e.b;
SELECT street_edge_refresh(NULL); -- no camera here yet: every edge 0
