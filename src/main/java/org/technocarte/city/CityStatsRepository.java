package org.technocarte.city;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.technocarte.common.database.ReadConnections;

/**
 * Counts of approved sightings, grouped in SQL: PostgreSQL counts a million rows faster than any
 * mapping of them would. Public reads: they come from the read replica when there is one ({@link
 * ReadConnections}).
 */
@ApplicationScoped
public class CityStatsRepository {

  private static final String APPROVED_IN_A_CITY =
      " FROM sighting s WHERE s.status = 'approved' AND s.city_code IS NOT NULL";

  /** code, name, cameras, vsaSuspected; the name most sightings give, as walkers may fix it. */
  private static final String PER_CITY =
      "SELECT s.city_code, mode() WITHIN GROUP (ORDER BY s.city_name), count(*),"
          + " count(*) FILTER (WHERE s.vsa_suspected)"
          + APPROVED_IN_A_CITY;

  private final ReadConnections reads;

  public CityStatsRepository(ReadConnections reads) {
    this.reads = reads;
  }

  /** Rows of code, name, cameras, vsaSuspected, largest city first. */
  List<Object[]> perCity() {
    return rows(PER_CITY + " GROUP BY s.city_code ORDER BY count(*) DESC, s.city_code", null);
  }

  List<Object[]> city(String code) {
    return rows(PER_CITY + " AND s.city_code = ? GROUP BY s.city_code", code);
  }

  /** Codes of the cities that have VSA evidence but no approved camera yet. */
  List<String> evidenceOnly() {
    return rows(
            "SELECT DISTINCT e.city_code FROM city_evidence e WHERE NOT EXISTS (SELECT 1"
                + " FROM sighting s WHERE s.status = 'approved' AND s.city_code = e.city_code)"
                + " ORDER BY 1",
            null)
        .stream()
        .map(row -> (String) row[0])
        .toList();
  }

  /** Rows of code, value, count for a column among surveillance_type and camera_type. */
  List<Object[]> perCityAnd(String column, String code) {
    if (!column.equals("surveillance_type") && !column.equals("camera_type")) {
      throw new IllegalArgumentException(column);
    }
    return rows(
        "SELECT s.city_code, s."
            + column
            + ", count(*)"
            + APPROVED_IN_A_CITY
            + (code == null ? "" : " AND s.city_code = ?")
            + " GROUP BY 1, 2 ORDER BY 1, 2",
        code);
  }

  /** One row: all approved cameras, those suspected of VSA, and the cameras removed since. */
  Object[] totals() {
    return rows(
            "SELECT count(*) FILTER (WHERE s.status = 'approved'),"
                + " count(*) FILTER (WHERE s.status = 'approved' AND s.vsa_suspected),"
                + " count(*) FILTER (WHERE s.status = 'removed')"
                + " FROM sighting s WHERE s.status IN ('approved', 'removed')",
            null)
        .get(0);
  }

  /**
   * Rows of month (YYYY-MM, UTC), count of the cameras added that month that were approved,
   * including those removed since: a camera that came down was still added.
   */
  List<Object[]> addedPerMonth() {
    return rows(
        "SELECT to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)"
            + " FROM sighting s WHERE s.status IN ('approved', 'removed') GROUP BY 1 ORDER BY 1",
        null);
  }

  /** Rows of month (YYYY-MM), count of the cameras seen gone that month. */
  List<Object[]> removedPerMonth() {
    return rows(
        "SELECT to_char(s.removed_on, 'YYYY-MM') AS month, count(*)"
            + " FROM sighting s WHERE s.status = 'removed' GROUP BY 1 ORDER BY 1",
        null);
  }

  /** The rows of a query, each as its column values; {@code code} binds its one parameter. */
  private List<Object[]> rows(String sql, String code) {
    try {
      return reads.read(
          connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              if (code != null) {
                statement.setString(1, code);
              }
              try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                List<Object[]> found = new ArrayList<>();
                while (rows.next()) {
                  Object[] row = new Object[columns];
                  for (int i = 0; i < columns; i++) {
                    row[i] = rows.getObject(i + 1);
                  }
                  found.add(row);
                }
                return found;
              }
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("counting approved sightings failed", e);
    }
  }
}
