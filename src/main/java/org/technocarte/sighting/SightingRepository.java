package org.technocarte.sighting;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.technocarte.common.WireValue;
import org.technocarte.common.database.ReadConnections;
import org.technocarte.common.geo.PointGeometry;

/**
 * Sightings in PostGIS. Writes go through Hibernate; reads are plain SQL built from small named
 * pieces, so that PostGIS does the spatial work on its GiST index and rows map straight to views.
 * Public reads of approved sightings run on the read replica when there is one ({@link
 * ReadConnections}); everything else on the primary, through Hibernate's connection.
 */
@ApplicationScoped
public class SightingRepository implements PanacheRepositoryBase<Sighting, Long> {

  private static final String OTHER_COLUMNS =
      """
      s.surveillance_type, s.camera_type,
      s.mount, s.directions, s.field_of_view, s.area, s.zone, s.operator, s.operator_type,
      s.height, s.vsa_suspected, s.vsa_evidence, s.notes, s.city_code, s.city_name,
      s.observed_at, s.check_date, s.status, s.removed_on, s.source, s.source_ref, s.version,
      s.created_at, s.updated_at
      """;

  /** The columns {@link #toView} reads, for any query of `sighting s`. */
  public static final String VIEW_COLUMNS = viewColumns("s.geom");

  /**
   * The columns {@link #toView} reads, its coordinates taken from the SQL expression {@code
   * geometry} (the column transformed to another CRS, for OGC API clients).
   */
  public static String viewColumns(String geometry) {
    return ("s.id, ST_X(%1$s) AS lon, ST_Y(%1$s) AS lat, " + OTHER_COLUMNS).formatted(geometry);
  }

  private final ReadConnections reads;

  public SightingRepository(ReadConnections reads) {
    this.reads = reads;
  }

  Optional<Sighting> findByClientIdHash(byte[] hash) {
    return find("clientIdHash", hash).firstResultOptional();
  }

  /**
   * Serialises the creations that carry the same clientId until the end of the transaction, so that
   * two resends racing each other still make one row.
   */
  void lockClientId(byte[] clientIdHash) {
    long key = 0;
    for (int i = 0; i < 8; i++) {
      key = (key << 8) | (clientIdHash[i] & 0xff);
    }
    getEntityManager()
        .createNativeQuery("SELECT CAST(pg_advisory_xact_lock(:key) AS text)")
        .setParameter("key", key)
        .getSingleResult();
  }

  /** The sighting as the API shows it, whatever its status. */
  Optional<SightingView> view(long id) {
    List<SightingView> found =
        select("SELECT " + VIEW_COLUMNS + " FROM sighting s WHERE s.id = ?", List.of(id));
    return found.stream().findFirst();
  }

  /**
   * An approved or removed sighting, as anyone may read it (from the replica when there is one).
   */
  Optional<SightingView> publicView(long id) {
    List<SightingView> found =
        publicSelect(
            "SELECT "
                + VIEW_COLUMNS
                + " FROM sighting s WHERE s.id = ? AND "
                + statusFilter(Status.PUBLIC),
            List.of(id));
    return found.stream().findFirst();
  }

  /**
   * Public sightings matching the filter (approved ones unless it asks for removed ones), by id, at
   * most {@code rows}.
   */
  List<SightingView> approved(SightingFilter filter, int rows) {
    Where where = filter.where();
    List<Object> params = new ArrayList<>(where.values());
    params.add(rows);
    return publicSelect(
        "SELECT "
            + VIEW_COLUMNS
            + " FROM sighting s WHERE "
            + where.sql()
            + " ORDER BY s.id LIMIT ?",
        params);
  }

  /**
   * Sightings of the given statuses within a distance, nearest first, as the moderators see them
   * (on the primary).
   */
  public List<SightingView> near(
      double lon, double lat, int metres, Set<Status> statuses, long excludedId, int rows) {
    return select(NEAR, nearParams(lon, lat, metres, statuses, excludedId, rows));
  }

  /** Approved cameras within a distance, nearest first, as anyone may read them. */
  List<SightingView> approvedNear(double lon, double lat, int metres, int rows) {
    return publicSelect(NEAR, nearParams(lon, lat, metres, Set.of(Status.APPROVED), -1, rows));
  }

  private static final String POINT = "ST_SetSRID(ST_MakePoint(?, ?), 4326)";

  /**
   * The `&&` box lets the GiST index answer first; the exact distance on the spheroid then decides.
   */
  private static final String NEAR =
      "SELECT "
          + VIEW_COLUMNS
          + " FROM sighting s WHERE s.status = ANY (?) AND s.id <> ?"
          + " AND s.geom && ST_Expand("
          + POINT
          + ", ?) AND ST_DWithin(s.geom::geography, "
          + POINT
          + "::geography, ?) ORDER BY ST_Distance(s.geom::geography, "
          + POINT
          + "::geography), s.id LIMIT ?";

  private static List<Object> nearParams(
      double lon, double lat, int metres, Set<Status> statuses, long excludedId, int rows) {
    double metresPerDegreeLon = 111_320 * Math.max(Math.cos(Math.toRadians(lat)), 0.01);
    return List.of(
        statuses.stream().map(Status::wire).toArray(String[]::new),
        excludedId,
        lon,
        lat,
        metres / metresPerDegreeLon,
        lon,
        lat,
        (double) metres,
        lon,
        lat,
        rows);
  }

  /**
   * Records that someone saw an approved camera still there today. Returns false when there is no
   * approved sighting with this id. The version stays: a confirmation never makes an edit stale.
   */
  boolean confirm(long id, LocalDate today) {
    int updated =
        getEntityManager()
            .createNativeQuery(
                "UPDATE sighting SET check_date = greatest(check_date, :today), updated_at = now()"
                    + " WHERE id = :id AND status = 'approved'")
            .setParameter("today", today)
            .setParameter("id", id)
            .executeUpdate();
    if (updated == 0) {
      return false;
    }
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO confirmation (sighting_id, confirmed_on) VALUES (:id, :today)")
        .setParameter("id", id)
        .setParameter("today", today)
        .executeUpdate();
    return true;
  }

  /**
   * The statuses as SQL literals, not a bound array, so that the planner can use the partial index
   * of approved (or removed) sightings.
   */
  public static String statusFilter(Set<Status> statuses) {
    List<String> words = statuses.stream().sorted().map(s -> "'" + s.wire() + "'").toList();
    return words.size() == 1
        ? "s.status = " + words.get(0)
        : "s.status IN (" + String.join(", ", words) + ")";
  }

  private List<SightingView> select(String sql, List<Object> params) {
    return getEntityManager()
        .unwrap(Session.class)
        .doReturningWork(connection -> views(connection, sql, params));
  }

  private List<SightingView> publicSelect(String sql, List<Object> params) {
    try {
      return reads.read(connection -> views(connection, sql, params));
    } catch (SQLException e) {
      throw new IllegalStateException("reading approved sightings failed", e);
    }
  }

  private static List<SightingView> views(Connection connection, String sql, List<Object> params)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(connection, statement, params);
      try (ResultSet rows = statement.executeQuery()) {
        List<SightingView> views = new ArrayList<>();
        while (rows.next()) {
          views.add(toView(rows));
        }
        return views;
      }
    }
  }

  private static void bind(Connection connection, PreparedStatement statement, List<Object> params)
      throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof String[] words) {
        statement.setArray(i + 1, connection.createArrayOf("text", words));
      } else if (p instanceof Double d) {
        statement.setDouble(i + 1, d);
      } else {
        statement.setObject(i + 1, p);
      }
    }
  }

  /** Maps a row selected with {@link #VIEW_COLUMNS} to the API's view. */
  public static SightingView toView(ResultSet r) throws SQLException {
    String cityCode = r.getString("city_code");
    BigDecimal height = r.getBigDecimal("height");
    return new SightingView(
        "Feature",
        r.getLong("id"),
        PointGeometry.of(r.getDouble("lon"), r.getDouble("lat")),
        new SightingView.Properties(
            wire(SurveillanceType.class, r.getString("surveillance_type")),
            wire(CameraType.class, r.getString("camera_type")),
            wire(Mount.class, r.getString("mount")),
            directions(r.getArray("directions")),
            (Integer) r.getObject("field_of_view"),
            wire(Area.class, r.getString("area")),
            wire(Zone.class, r.getString("zone")),
            r.getString("operator"),
            wire(OperatorType.class, r.getString("operator_type")),
            height == null ? null : height.doubleValue(),
            r.getBoolean("vsa_suspected"),
            r.getString("vsa_evidence"),
            r.getString("notes"),
            cityCode == null && r.getString("city_name") == null
                ? null
                : new SightingView.CityRef(cityCode, r.getString("city_name")),
            r.getObject("observed_at", LocalDate.class),
            r.getObject("check_date", LocalDate.class),
            wire(Status.class, r.getString("status")),
            r.getObject("removed_on", LocalDate.class),
            wire(Source.class, r.getString("source")),
            r.getString("source_ref"),
            r.getInt("version"),
            r.getObject("created_at", OffsetDateTime.class),
            r.getObject("updated_at", OffsetDateTime.class),
            null));
  }

  private static List<Integer> directions(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((Integer[]) array.getArray());
  }

  private static <E extends Enum<E> & WireValue> E wire(Class<E> type, String text) {
    return text == null ? null : WireValue.parse(type, text).orElseThrow();
  }
}
