package org.technocarte.basemap;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.technocarte.common.database.ReadConnections;

/**
 * Vector tiles of the base map's low zooms, built by PostGIS ({@code ST_AsMVT}) from the tables
 * BasemapData fills. Layers and properties are those of the Protomaps basemap schema, so that
 * protomaps-leaflet draws these tiles and a PMTiles extract's with the same rules: {@code earth}
 * (land polygons), {@code boundaries} (borders, {@code kind_detail} the admin level) and {@code
 * places} ({@code kind} "locality", {@code name}, {@code min_zoom}, {@code population_rank}).
 */
@ApplicationScoped
public class BasemapTiles {

  /** Deeper zooms stretch the tiles of this one (natural Earth is drawn at 1:50 million). */
  public static final int MAX_ZOOM = 10;

  static final int EXTENT = 4096;
  static final int BUFFER = 64;

  /** The most places a tile labels: the biggest first; the browser drops those that collide. */
  static final int PLACES_PER_TILE = 200;

  private static final String SQL =
      "WITH env AS (SELECT ST_TileEnvelope(?, ?, ?) AS box),"
          + " earth AS (SELECT ST_AsMVTGeom(e.geom, env.box, "
          + EXTENT
          + ", "
          + BUFFER
          + ", true) AS geom FROM basemap_earth e, env WHERE e.geom && env.box"
          // An island smaller than a pixel is not drawn: the zoom-0 tile halves.
          + " AND greatest(ST_XMax(e.geom) - ST_XMin(e.geom), ST_YMax(e.geom) - ST_YMin(e.geom))"
          + " > ?),"
          + " boundaries AS (SELECT b.kind_detail, 'country' AS kind,"
          + " ST_AsMVTGeom(b.geom, env.box, "
          + EXTENT
          + ", "
          + BUFFER
          + ", true) AS geom FROM basemap_boundary b, env WHERE b.geom && env.box),"
          + " places AS (SELECT 'locality' AS kind, p.name, p.min_zoom, p.population,"
          // The Protomaps scale: 15 for 1 million and more, down to 9 for about a thousand.
          + " least(15, greatest(1, floor(log(greatest(p.population, 1)::float8))::int * 2 + 3))"
          + " AS population_rank,"
          + " ST_AsMVTGeom(p.geom, env.box, "
          + EXTENT
          + ", "
          + BUFFER
          + ", true) AS geom FROM basemap_place p, env"
          + " WHERE p.min_zoom <= ? AND p.geom && env.box"
          + " ORDER BY p.population DESC LIMIT "
          + PLACES_PER_TILE
          + ")"
          + " SELECT (SELECT coalesce(ST_AsMVT(earth, 'earth', "
          + EXTENT
          + ", 'geom'), '') FROM earth WHERE geom IS NOT NULL)"
          + " || (SELECT coalesce(ST_AsMVT(boundaries, 'boundaries', "
          + EXTENT
          + ", 'geom'), '') FROM boundaries WHERE geom IS NOT NULL)"
          + " || (SELECT coalesce(ST_AsMVT(places, 'places', "
          + EXTENT
          + ", 'geom'), '') FROM places WHERE geom IS NOT NULL)";

  private static final double WEB_MERCATOR_WIDTH = 2 * 20037508.342789244;

  private final ReadConnections reads;

  public BasemapTiles(ReadConnections reads) {
    this.reads = reads;
  }

  /** Whether z/x/y names a tile of the grid this service draws. */
  public static boolean exists(int z, long x, long y) {
    return z >= 0 && z <= MAX_ZOOM && x >= 0 && y >= 0 && x < (1L << z) && y < (1L << z);
  }

  /** The tile; zero bytes over the open sea. */
  public byte[] tile(int z, int x, int y) {
    try {
      return reads.read(
          connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
              statement.setInt(1, z);
              statement.setInt(2, x);
              statement.setInt(3, y);
              statement.setDouble(4, WEB_MERCATOR_WIDTH / (1L << z) / 256);
              statement.setInt(5, z);
              try (ResultSet row = statement.executeQuery()) {
                row.next();
                byte[] tile = row.getBytes(1);
                return tile == null ? new byte[0] : tile;
              }
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException(
          "drawing base map tile " + z + "/" + x + "/" + y + " failed", e);
    }
  }
}
