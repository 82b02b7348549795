package org.technocarte.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.technocarte.common.database.ReadConnections;
import org.technocarte.sighting.Where;

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

  private final ReadConnections reads;

  public VectorTiles(ReadConnections reads) {
    this.reads = reads;
  }

  /** Whether z/x/y names a tile of the grid this service draws. */
  public static boolean exists(int z, long x, long y) {
    return z >= 0 && z <= MAX_ZOOM && x >= 0 && y >= 0 && x < (1L << z) && y < (1L << z);
  }

  /** The tile, empty (zero bytes) when no camera falls in it. */
  public byte[] tile(int z, int x, int y, Where where) {
    // The cameras just outside the tile too, so a cell on the edge is drawn by both neighbours.
    double margin = WEB_MERCATOR_WIDTH / (1L << z) * BUFFER / EXTENT;
    // Cells are counted with arithmetic on the stored Web Mercator coordinates (V35): one cell per
    // CELL tile units, centred on multiples of CELL, so neighbouring tiles cut the same cells.
    String sql =
        "WITH env AS (SELECT ST_TileEnvelope(?, ?, ?) AS box),"
            + " grid AS (SELECT box, ST_XMin(box) AS x0, ST_YMax(box) AS y0,"
            + " (ST_XMax(box) - ST_XMin(box)) * "
            + CELL
            + " / "
            + EXTENT
            + ".0 AS side FROM env),"
            + " cells AS (SELECT count(*) AS count, count(*) FILTER (WHERE s.vsa_suspected) AS vsa,"
            + " avg(ST_X(s.geom_3857)) AS x, avg(ST_Y(s.geom_3857)) AS y FROM sighting s, grid WHERE "
            + where.sql()
            + " AND s.geom_3857 && ST_Expand(grid.box, ?)"
            + " GROUP BY floor((ST_X(s.geom_3857) - grid.x0) / grid.side + 0.5),"
            + " floor((grid.y0 - ST_Y(s.geom_3857)) / grid.side + 0.5)),"
            + " features AS (SELECT count, vsa, ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(x, y), 3857),"
            + " grid.box, "
            + EXTENT
            + ", "
            + BUFFER
            + ", true) AS geom FROM cells, grid)"
            + " SELECT ST_AsMVT(features, '"
            + LAYER
            + "', "
            + EXTENT
            + ", 'geom') FROM features WHERE geom IS NOT NULL";
    try {
      return reads.read(
          connection -> {
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
          });
    } catch (SQLException e) {
      throw new IllegalStateException("drawing tile " + z + "/" + x + "/" + y + " failed", e);
    }
  }
}
