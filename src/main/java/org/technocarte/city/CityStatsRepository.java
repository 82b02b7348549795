package org.technocarte.city;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.technocarte.common.database.ReadConnections;
import org.technocarte.sighting.ApprovedSightings;
import org.technocarte.sighting.CameraType;
import org.technocarte.sighting.Status;
import org.technocarte.sighting.SurveillanceType;

/**
 * Counts of public sightings, read from the counts that triggers on {@code sighting} keep exact
 * (V52): {@code sighting_city_count} (approved cameras per city and name, with their VSA,
 * surveillance type and camera type counts) and {@code sighting_month_count} (the whole country per
 * status, VSA and months), so that the national statistics read one row per city rather than every
 * sighting. Public reads: they come from the read replica when there is one ({@link
 * ReadConnections}). The statements are visible to the package so that a test holds
 * deploy/bench/run.sh to them.
 */
@ApplicationScoped
public class CityStatsRepository {

  /** The read seam's rule of what is public, on the counts' status: approved, or removed. */
  private static final String APPROVED = ApprovedSightings.approvedRule("t");

  private static final String REMOVED = ApprovedSightings.statusRule("t", Set.of(Status.REMOVED));

  /** The surveillance types a city is counted by, in the order the answers list them. */
  static final List<String> KINDS =
      Arrays.stream(SurveillanceType.values()).map(SurveillanceType::wire).sorted().toList();

  /** The camera types a city is counted by, in the order the answers list them. */
  static final List<String> SHAPES =
      Arrays.stream(CameraType.values()).map(CameraType::wire).sorted().toList();

  private static final String COUNTED =
      Stream.concat(
              Stream.of("n", "vsa"),
              Stream.concat(
                  KINDS.stream().map(kind -> "kind_" + kind),
                  SHAPES.stream().map(shape -> "shape_" + shape)))
          .map(column -> "sum(t." + column + ") OVER w AS " + column)
          .collect(Collectors.joining(", "));

  /**
   * Of every city with approved cameras (the city counts hold approved ones only): code, name,
   * cameras, vsaSuspected, then its cameras of each of {@link #KINDS} and of each of {@link
   * #SHAPES}. Its name is the one most of its sightings give (walkers may fix it), the first by
   * name on a tie; its figures are the sums over its names.
   */
  private static final String PER_CITY =
      "SELECT c.* FROM (SELECT DISTINCT ON (t.city_code) t.city_code, t.city_name, "
          + COUNTED
          + " FROM sighting_city_count t WHERE t.n > 0%s WINDOW w AS (PARTITION BY t.city_code)"
          + " ORDER BY t.city_code, t.n DESC, t.city_name) c";

  static final String PER_CITY_ALL = PER_CITY.formatted("") + " ORDER BY c.n DESC, c.city_code";

  static final String PER_CITY_ONE = PER_CITY.formatted(" AND t.city_code = ?");

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

  /** Rows of {@link #PER_CITY}, largest city first. */
  List<Object[]> perCity() {
    return rows(PER_CITY_ALL);
  }

  /** The row of {@link #PER_CITY} of this city, none without an approved camera. */
  List<Object[]> city(String code) {
    return rows(PER_CITY_ONE, code);
  }

  /** Codes of the cities that have VSA evidence but no approved camera yet. */
  List<String> evidenceOnly() {
    return rows(EVIDENCE_ONLY).stream().map(row -> (String) row[0]).toList();
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
