package org.technocarte.city;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.technocarte.common.database.ReadConnections;
import org.technocarte.sighting.ApprovedSightings;
import org.technocarte.sighting.Status;

/**
 * Counts of public sightings, read from {@code sighting_tally}: the counts by city, kind, shape,
 * month and status that triggers on {@code sighting} keep exact (V43), so that the statistics read
 * a few hundred rows rather than every sighting. Public reads: they come from the read replica when
 * there is one ({@link ReadConnections}).
 */
@ApplicationScoped
public class CityStatsRepository {

  /** The read seam's rule of what is public, on the tally's status: approved, or removed. */
  private static final String APPROVED = ApprovedSightings.approvedRule("t");

  private static final String REMOVED = ApprovedSightings.statusRule("t", Set.of(Status.REMOVED));

  private static final String APPROVED_IN_A_CITY =
      " FROM sighting_tally t WHERE " + APPROVED + " AND t.city_code <> '' AND t.n > 0";

  /**
   * code, name, cameras, vsaSuspected; the name most of its sightings give (walkers may fix it).
   */
  private static final String PER_CITY =
      "SELECT c.city_code, (SELECT t.city_name"
          + APPROVED_IN_A_CITY
          + " AND t.city_code = c.city_code GROUP BY t.city_name"
          + " ORDER BY sum(t.n) DESC, t.city_name LIMIT 1), c.cameras, c.vsa FROM"
          + " (SELECT t.city_code, sum(t.n) AS cameras,"
          + " coalesce(sum(t.n) FILTER (WHERE t.vsa_suspected), 0) AS vsa"
          + APPROVED_IN_A_CITY;

  private final ReadConnections reads;

  public CityStatsRepository(ReadConnections reads) {
    this.reads = reads;
  }

  /** Rows of code, name, cameras, vsaSuspected, largest city first. */
  List<Object[]> perCity() {
    return rows(PER_CITY + " GROUP BY t.city_code) c ORDER BY c.cameras DESC, c.city_code", null);
  }

  List<Object[]> city(String code) {
    return rows(PER_CITY + " AND t.city_code = ? GROUP BY t.city_code) c", code);
  }

  /** Codes of the cities that have VSA evidence but no approved camera yet. */
  List<String> evidenceOnly() {
    return rows(
            "SELECT DISTINCT e.city_code FROM city_evidence e WHERE NOT EXISTS (SELECT 1"
                + APPROVED_IN_A_CITY
                + " AND t.city_code = e.city_code) ORDER BY 1",
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
        "SELECT t.city_code, t."
            + column
            + ", sum(t.n)"
            + APPROVED_IN_A_CITY
            + (code == null ? "" : " AND t.city_code = ?")
            + " GROUP BY 1, 2 HAVING sum(t.n) > 0 ORDER BY 1, 2",
        code);
  }

  /** One row: all approved cameras, those suspected of VSA, and the cameras removed since. */
  Object[] totals() {
    return rows(
            "SELECT coalesce(sum(t.n) FILTER (WHERE "
                + APPROVED
                + "), 0), coalesce(sum(t.n) FILTER (WHERE "
                + APPROVED
                + " AND t.vsa_suspected), 0), coalesce(sum(t.n) FILTER (WHERE "
                + REMOVED
                + "), 0)"
                + " FROM sighting_tally t",
            null)
        .get(0);
  }

  /**
   * Rows of month (YYYY-MM, UTC), count of the cameras added that month that were approved,
   * including those removed since: a camera that came down was still added.
   */
  List<Object[]> addedPerMonth() {
    return rows(
        "SELECT t.added_month, sum(t.n) FROM sighting_tally t"
            + " GROUP BY 1 HAVING sum(t.n) > 0 ORDER BY 1",
        null);
  }

  /** Rows of month (YYYY-MM), count of the cameras seen gone that month. */
  List<Object[]> removedPerMonth() {
    return rows(
        "SELECT t.removed_month, sum(t.n) FROM sighting_tally t WHERE "
            + REMOVED
            + " GROUP BY 1 HAVING sum(t.n) > 0 ORDER BY 1",
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
