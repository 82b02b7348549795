package org.technocarte.route;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The street network of the route tests (src/test/resources/routes/grid.sql): 5 × 5 streets 100 m
 * apart near Gramat, vertex (i, j) with id 100 + 10 i + j, and SQL run as the app on it.
 */
@ApplicationScoped
public class StreetGrid {

  static final double LON = 1.70;
  static final double LAT = 44.70;

  private final AgroalDataSource db;

  public StreetGrid(AgroalDataSource db) {
    this.db = db;
  }

  /** Empties the streets, then lays the grid (the caller empties sightings first). */
  public void lay() {
    try (InputStream in = StreetGrid.class.getResourceAsStream("/routes/grid.sql")) {
      execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Approved domes at the middle of each block of Rue 0, the bottom row: they see 40 m each. */
  public void domesOnRue0() {
    execute(
        "INSERT INTO sighting (geom, surveillance_type, camera_type, status, vsa_suspected)"
            + " SELECT ST_LineInterpolatePoint(geom, 0.5), 'camera', 'dome', 'approved',"
            + " source = 110 FROM street_edge WHERE name = 'Rue 0' ORDER BY source");
  }

  public void execute(String sql) {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public double number(String sql) {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getDouble(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * [lon, lat] of the point `east` metres east and `north` metres north of vertex (0, 0), as JSON.
   */
  public String point(double east, double north) {
    return position(
        "ST_Project(ST_Project(ST_SetSRID(ST_MakePoint("
            + LON
            + ", "
            + LAT
            + "), 4326)::geography, "
            + north
            + ", 0), "
            + east
            + ", pi() / 2)::geometry");
  }

  /** [lon, lat] of vertex (i, j), as JSON. */
  public String corner(int i, int j) {
    return position("(SELECT geom FROM street_vertex WHERE id = " + (100 + 10 * i + j) + ")");
  }

  /** [lon, lat] of a point given as SQL, as JSON. */
  private String position(String point) {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT '[' || ST_X(p) || ',' || ST_Y(p) || ']' FROM (SELECT "
                    + point
                    + " AS p) q")) {
      r.next();
      return r.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
