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
 * Counts of public sightings, read from the counts that triggers on {@code sighting} keep exact
 * (V52): {@code sighting_city_count} (approved cameras per city and name), {@code
 * sighting_city_type} (per city and surveillance or camera type) and {@code sighting_month_count}
 * (the whole country per status, VSA and months), so that the national statistics read a few
 * thousand rows rather than every sighting or the per-month tally. Public reads: they come from the
 * read replica when there is one ({@link ReadConnections}). The statements are visible to the
 * package so that a test holds deploy/bench/run.sh to them.
 */
@ApplicationScoped
public class CityStatsRepository {

  /** The read seam's rule of what is public, on the counts' status: approved, or removed. */
  private static final String APPROVED = ApprovedSightings.approvedRule("t");

  private static final String REMOVED = ApprovedSightings.statusRule("t", Set.of(Status.REMOVED));

  /**
   * code, name, cameras, vsaSuspected of every city with approved cameras (the city counts hold
   * approved ones only): its name is the one most of its sightings give (walkers may fix it), the
   * first by name on a tie, its figures the sums over its names.
   */
  private static final String PER_CITY =
      """
      SELECT c.city_code, c.city_name, c.cameras, c.vsa FROM (SELECT DISTINCT ON (t.city_code) \
      t.city_code, t.city_name, sum(t.n) OVER w AS cameras, sum(t.vsa) OVER w AS vsa \
      FROM sighting_city_count t WHERE t.n > 0%s \
      WINDOW w AS (PARTITION BY t.city_code) ORDER BY t.city_code, t.n DESC, t.city_name) c""";

  static final String PER_CITY_ALL =
      PER_CITY.formatted("") + " ORDER BY c.cameras DESC, c.city_code";

  static final String PER_CITY_ONE = PER_CITY.formatted(" AND t.city_code = ?");

  /** code, value, count of one kind (surveillance_type or camera_type), by code and value. */
  static final String PER_CITY_AND =
      "SELECT t.city_code, t.value, t.n FROM sighting_city_type t WHERE t.kind = ? AND t.n > 0";

  static final String PER_CITY_AND_ALL = PER_CITY_AND + " ORDER BY t.city_code, t.value";

  static final String PER_CITY_AND_ONE =
      PER_CITY_AND + " AND t.city_code = ? ORDER BY t.city_code, t.value";

  static final String TOTALS =
      "SELECT coalesce(sum(t.n) FILTER (WHERE "
          + APPROVED
          + "), 0), coalesce(sum(t.n) FILTER (WHERE "
          + APPROVED
          + " AND t.vsa_suspected), 0), coalesce(sum(t.n) FILTER (WHERE "
          + REMOVED
          + "), 0) FROM sighting_month_count t";

  static final String ADDED_PER_MONTH =
      "SELECT t.added_month, sum(t.n) FROM sighting_month_count t"
          + " GROUP BY 1 HAVING sum(t.n) > 0 ORDER BY 1";

  static final String REMOVED_PER_MONTH =
      "SELECT t.removed_month, sum(t.n) FROM sighting_month_count t WHERE "
          + REMOVED
          + " GROUP BY 1 HAVING sum(t.n) > 0 ORDER BY 1";

  static final String EVIDENCE_ONLY =
      "SELECT DISTINCT e.city_code FROM city_evidence e WHERE NOT EXISTS (SELECT 1"
          + " FROM sighting_city_count t WHERE t.city_code = e.city_code AND t.n > 0) ORDER BY 1";

  private final ReadConnections reads;

  public CityStatsRepository(ReadConnections reads) {
    this.reads = reads;
  }

  /** Rows of code, name, cameras, vsaSuspected, largest city first. */
  List<Object[]> perCity() {
    return rows(PER_CITY_ALL);
  }

  List<Object[]> city(String code) {
    return rows(PER_CITY_ONE, code);
  }

  /** Codes of the cities that have VSA evidence but no approved camera yet. */
  List<String> evidenceOnly() {
    return rows(EVIDENCE_ONLY).stream().map(row -> (String) row[0]).toList();
  }

  /**
   * Rows of code, value, count for a column among surveillance_type and camera_type, of every city
   * or of the one with this code.
   */
  List<Object[]> perCityAnd(String column, String code) {
    if (!column.equals("surveillance_type") && !column.equals("camera_type")) {
      throw new IllegalArgumentException(column);
    }
    return code == null ? rows(PER_CITY_AND_ALL, column) : rows(PER_CITY_AND_ONE, column, code);
  }

  /** One row: all approved cameras, those suspected of VSA, and the cameras removed since. */
  Object[] totals() {
    return rows(TOTALS).get(0);
  }

  /**
   * Rows of month (YYYY-MM, UTC), count of the cameras added that month that were approved,
   * including those removed since: a camera that came down was still added.
   */
  List<Object[]> addedPerMonth() {
    return rows(ADDED_PER_MONTH);
  }

  /** Rows of month (YYYY-MM), count of the cameras seen gone that month. */
  List<Object[]> removedPerMonth() {
    return rows(REMOVED_PER_MONTH);
  }

  /** The rows of a query, each as its column values; {@code parameters} bind its ?, in order. */
  private List<Object[]> rows(String sql, String... parameters) {
    try {
      return reads.read(
          connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
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
