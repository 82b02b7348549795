package org.technocarte.export;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Mapbox Vector Tiles of the approved sightings for the map at low zoom, built by PostGIS ({@code
 * ST_AsMVT}). A tile of a whole country would hold every camera, so cameras are gathered into cells
 * of {@value #CELL} tile units (8 pixels of a 256-pixel tile): each feature of layer {@value
 * #LAYER} is one cell, at the mean position of its cameras, with {@code count} and {@code vsa} (how
 * many are suspected of VSA). A tile's size is bounded by its cells, not by the data.
 */
@ApplicationScoped
public class VectorTiles {

  static final String LAYER = "sightings";
  static final int EXTENT = 4096;
  static final int BUFFER = 64;
  static final int CELL = 128;

  /** Above this zoom the map loads the cameras themselves. */
  public static final int MAX_ZOOM = 16;

  private static final double WEB_MERCATOR_WIDTH = 2 * 20037508.342789244;

  private final AgroalDataSource dataSource;

  public VectorTiles(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Whether z/x/y names a tile of the grid this service draws. */
  public static boolean exists(int z, long x, long y) {
    return z >= 0 && z <= MAX_ZOOM && x >= 0 && y >= 0 && x < (1L << z) && y < (1L << z);
  }

  /** The tile, empty (zero bytes) when no camera falls in it. */
  public byte[] tile(int z, int x, int y, Where where) {
    // The cameras just outside the tile too, so a cell on the edge is drawn by both neighbours.
    double margin = WEB_MERCATOR_WIDTH / (1L << z) * BUFFER / EXTENT;
    String sql =
        "WITH env AS (SELECT ST_TileEnvelope(?, ?, ?) AS box),"
            + " points AS (SELECT ST_AsMVTGeom(ST_Transform(s.geom, 3857), env.box, "
            + EXTENT
            + ", "
            + BUFFER
            + ", true) AS g, s.vsa_suspected AS suspected FROM sighting s, env WHERE "
            + where.sql()
            + " AND s.geom && ST_Transform(ST_Expand(env.box, ?), 4326)),"
            + " cells AS (SELECT count(*) AS count, count(*) FILTER (WHERE suspected) AS vsa,"
            + " ST_SnapToGrid(ST_Centroid(ST_Collect(g)), 1) AS geom FROM points"
            + " WHERE g IS NOT NULL GROUP BY ST_SnapToGrid(g, "
            + CELL
            + "))"
            + " SELECT ST_AsMVT(cells, '"
            + LAYER
            + "', "
            + EXTENT
            + ", 'geom') FROM cells";
    try (Connection connection = dataSource.getConnection()) {
      connection.setReadOnly(true);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setInt(1, z);
        statement.setInt(2, x);
        statement.setInt(3, y);
        int next = where.bind(connection, statement, 4);
        statement.setDouble(next, margin);
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          byte[] tile = row.getBytes(1);
          return tile == null ? new byte[0] : tile;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("drawing tile " + z + "/" + x + "/" + y + " failed", e);
    }
  }
}
