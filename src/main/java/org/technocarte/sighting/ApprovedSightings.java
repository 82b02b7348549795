package org.technocarte.sighting;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
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
import org.technocarte.common.WireValue;
import org.technocarte.common.database.ReadConnections;
import org.technocarte.common.database.StatementTimeouts;
import org.technocarte.common.geo.PointGeometry;

/**
 * The one read seam of public sightings, behind the map ({@link #page}, {@link #near}), every
 * export format and the OGC API items ({@link #stream}, {@link #streamJson}, {@link #count}), the
 * vector tiles ({@link #tile}, {@link #cellTile}) and the statistics ({@link #statusRule}). It owns
 * the rule of what is public (approved, unless removed ones are asked for: {@link #statusRule}),
 * the columns read ({@link #columns}) and the mapping of a row to the API's view ({@link #toView}),
 * or to its JSON built by PostgreSQL ({@link FeatureJson}) for the map and the OGC API items, the
 * reads of many small answers. A filter is a {@link SightingFilter}; a new format is a writer, not
 * a new query.
 *
 * <p>Rows are read through a server-side cursor (autocommit off, a fetch size), so the memory of
 * the application does not grow with the size of an export. They come from the read replica when
 * there is one ({@link ReadConnections}).
 */
@ApplicationScoped
public class ApprovedSightings {

  /** Rows fetched from PostgreSQL at a time while streaming. */
  static final int FETCH_SIZE = 1000;

  private static final String OTHER_COLUMNS =
      """
      s.surveillance_type, s.camera_type,
      s.mount, s.directions, s.field_of_view, s.area, s.zone, s.operator, s.operator_type,
      s.height, s.vsa_suspected, s.vsa_evidence, s.notes, s.city_code, s.city_name,
      s.observed_at, s.check_date, s.status, s.removed_on, s.source, s.source_ref, s.version,
      s.created_at, s.updated_at
      """;

  /** The columns {@link #toView} reads, for any query of `sighting s`. */
  public static final String COLUMNS = columns("s.geom");

  /**
   * The columns {@link #toView} reads, its coordinates taken from the SQL expression {@code
   * geometry} (the column transformed to another CRS, for OGC API clients).
   */
  public static String columns(String geometry) {
    return ("s.id, ST_X(%1$s) AS lon, ST_Y(%1$s) AS lat, " + OTHER_COLUMNS).formatted(geometry);
  }

  /**
   * The rule of what a public read sees: the sightings of these statuses, approved when there are
   * none, as SQL on the {@code status} column of the table aliased {@code alias} ({@code sighting
   * s}, or {@code sighting_month_count t} for the statistics). Literals, not a bound array, so that
   * the planner can use the partial index of approved (or removed) sightings.
   */
  public static String statusRule(String alias, Set<Status> statuses) {
    List<String> words =
        (statuses == null || statuses.isEmpty() ? Set.of(Status.APPROVED) : statuses)
            .stream().sorted().map(s -> "'" + s.wire() + "'").toList();
    return words.size() == 1
        ? alias + ".status = " + words.get(0)
        : alias + ".status IN (" + String.join(", ", words) + ")";
  }

  /** The approved sightings only, the default of every public read. */
  public static String approvedRule(String alias) {
    return statusRule(alias, Set.of(Status.APPROVED));
  }

  /** Receives the sightings of a read, in ascending id order. */
  @FunctionalInterface
  public interface Sink {
    void accept(SightingView sighting) throws IOException;
  }

  private final ReadConnections reads;
  private final StatementTimeouts timeouts;

  public ApprovedSightings(ReadConnections reads, StatementTimeouts timeouts) {
    this.reads = reads;
    this.timeouts = timeouts;
  }

  /**
   * Streams the sightings matching {@code where} whose id is above {@code afterId}, by ascending
   * id, at most {@code limit} of them (0 for all).
   */
  public void stream(Where where, long afterId, long limit, Sink sink) throws IOException {
    stream(where, "s.geom", null, afterId, 0, limit, sink);
  }

  /**
   * Streams the sightings matching {@code where} whose id is above {@code afterId}, their
   * coordinates taken from the SQL expression {@code geometry} (the column transformed to the CRS
   * an OGC API client asks for): by ascending id when {@code order} is null, else in that SQL order
   * (which ends on the id, so that it is total) from row {@code offset}; at most {@code limit} of
   * them (0 for all).
   */
  public void stream(
      Where where, String geometry, String order, long afterId, long offset, long limit, Sink sink)
      throws IOException {
    cursor(
        columns(geometry),
        where,
        order,
        afterId,
        offset,
        limit,
        rows -> {
          SightingView sighting = toView(rows);
          sink.accept(sighting);
          return sighting.id();
        });
  }

  /**
   * Receives the features of a read as GeoJSON text (see {@link FeatureJson}), its UTF-8 bytes as
   * the server sent them, in order.
   */
  @FunctionalInterface
  public interface JsonSink {
    void accept(long id, byte[] feature) throws IOException;
  }

  /**
   * Streams the sightings as {@link #stream} does, each as the GeoJSON text that PostgreSQL builds
   * from the SQL expression {@code feature} ({@link FeatureJson#feature}): no row is mapped to
   * Java, and no String is made of it.
   */
  public void streamJson(
      Where where,
      String feature,
      String order,
      long afterId,
      long offset,
      long limit,
      JsonSink sink)
      throws IOException {
    cursor(
        "s.id, " + feature,
        where,
        order,
        afterId,
        offset,
        limit,
        rows -> {
          long id = rows.getLong(1);
          sink.accept(id, rows.getBytes(2));
          return id;
        });
  }

  /** Reads one row of a cursor; answers its id. */
  private interface RowSink {
    long accept(ResultSet row) throws SQLException, IOException;
  }

  private void cursor(
      String select, Where where, String order, long afterId, long offset, long limit, RowSink sink)
      throws IOException {
    String sql =
        "SELECT "
            + select
            + " FROM sighting s WHERE "
            + where.sql()
            + " AND s.id > ? ORDER BY "
            + (order == null ? "s.id" : order)
            + (limit > 0 ? " LIMIT ?" : "")
            + " OFFSET ?";
    // Should the replica fail half-way, the read runs again on the primary: it goes on after the
    // last sighting sent (or as many rows further in a sorted read), so the file is neither cut
    // nor doubled.
    long[] lastSent = {afterId};
    long[] sent = {0};
    try {
      reads.read(
          connection -> {
            // A cursor only streams inside a transaction; this one only reads.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              timeouts.forExport(connection);
              statement.setFetchSize(FETCH_SIZE);
              int next = where.bind(connection, statement, 1);
              statement.setLong(next++, order == null ? lastSent[0] : afterId);
              if (limit > 0) {
                statement.setLong(next++, limit - sent[0]);
              }
              statement.setLong(next, order == null ? offset : offset + sent[0]);
              try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                  lastSent[0] = sink.accept(rows);
                  sent[0]++;
                }
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } finally {
              connection.rollback();
              connection.setReadOnly(false);
              connection.setAutoCommit(true);
            }
            return null;
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (SQLException e) {
      throw new IOException("reading sightings failed", e);
    }
  }

  /** How many approved sightings match, exactly. */
  public long count(Where where) {
    return query(
        "SELECT count(*) FROM sighting s WHERE " + where.sql(),
        where,
        rows -> rows.next() ? rows.getLong(1) : 0L);
  }

  /**
   * One approved or removed sighting, as anyone may read it, its coordinates taken from {@code
   * geometry}.
   */
  public Optional<SightingView> one(long id, String geometry) {
    Where where = new Where().statuses(Status.PUBLIC).and("s.id = ?", id);
    return query(
        "SELECT " + columns(geometry) + " FROM sighting s WHERE " + where.sql(),
        where,
        rows -> rows.next() ? Optional.of(toView(rows)) : Optional.empty());
  }

  /** The box and the dates of all approved sightings. */
  public Extent extent() {
    Where where = new Where();
    return query(
        "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), first, last FROM (SELECT"
            + " ST_Extent(s.geom) AS e, min(s.observed_at) AS first, max(s.observed_at) AS last"
            + " FROM sighting s WHERE "
            + where.sql()
            + ") x",
        where,
        rows -> {
          rows.next();
          return new Extent(
              (Double) rows.getObject(1),
              (Double) rows.getObject(2),
              (Double) rows.getObject(3),
              (Double) rows.getObject(4),
              rows.getObject(5, LocalDate.class),
              rows.getObject(6, LocalDate.class));
        });
  }

  private interface Reader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private <T> T query(String sql, Where where, Reader<T> reader) {
    try {
      return reads.read(
          connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              where.bind(connection, statement, 1);
              try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
              }
            }
          });
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("reading sightings failed", e));
    }
  }

  /**
   * A page of the map as the GeoJSON FeatureCollection it is sent as ({@link SightingCollection}):
   * the sightings of the filter by id, at most {@code limit}, each feature built by PostgreSQL
   * ({@link FeatureJson#MAP}) and copied as its bytes; one row more is read to tell that there are
   * more.
   */
  public byte[] page(SightingFilter filter, int limit) {
    Where where = filter.where();
    String sql = pageSql(where);
    try {
      return reads.read(
          connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              int next = where.bind(connection, statement, 1);
              statement.setInt(next, limit + 1);
              try (ResultSet rows = statement.executeQuery()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
                out.writeBytes(COLLECTION_START);
                int returned = 0;
                boolean truncated = false;
                while (rows.next()) {
                  if (returned == limit) {
                    truncated = true;
                    break;
                  }
                  if (returned > 0) {
                    out.write(',');
                  }
                  // The text's bytes as the server sent them (UTF-8): no String is made.
                  out.writeBytes(rows.getBytes(1));
                  returned++;
                }
                out.writeBytes(
                    ("],\"numberReturned\":" + returned + ",\"truncated\":" + truncated + "}")
                        .getBytes(StandardCharsets.UTF_8));
                return out.toByteArray();
              }
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("reading approved sightings failed", e);
    }
  }

  /** The map's query (deploy/bench/pgbench/map.sql runs it). */
  static String pageSql(Where where) {
    return "SELECT "
        + FeatureJson.MAP
        + " FROM sighting s WHERE "
        + where.sql()
        + " ORDER BY s.id LIMIT ?";
  }

  private static final byte[] COLLECTION_START =
      "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8);

  /** Approved cameras within a distance, nearest first, at most {@code rows}. */
  public List<SightingView> near(double lon, double lat, int metres, int rows) {
    return list(
        nearSql(Set.of(Status.APPROVED)),
        new Where(),
        nearParams(lon, lat, metres, -1, rows).toArray());
  }

  private static final String POINT = "ST_SetSRID(ST_MakePoint(?, ?), 4326)";

  /**
   * The `&&` box lets the GiST index answer first; the exact distance on the spheroid then decides.
   */
  static String nearSql(Set<Status> statuses) {
    return "SELECT "
        + COLUMNS
        + " FROM sighting s WHERE "
        + statusRule("s", statuses)
        + " AND s.id <> ?"
        + " AND s.geom && ST_Expand("
        + POINT
        + ", ?) AND ST_DWithin(s.geom::geography, "
        + POINT
        + "::geography, ?) ORDER BY ST_Distance(s.geom::geography, "
        + POINT
        + "::geography), s.id LIMIT ?";
  }

  /**
   * {@link #nearSql} for each sighting of a list at once, by a lateral join: the rows carry {@code
   * near_of}, the id they are near. Parameters: the ids (bigint[]), the metres twice, the rows per
   * sighting. The box is a square of the metres in degrees of longitude at the sighting's latitude
   * (wider than the circle, for the index), the distance measured on the spheroid.
   */
  static String nearEachSql(Set<Status> statuses) {
    return "SELECT q.id AS near_of, n.* FROM unnest(?::bigint[]) q(id)"
        + " JOIN sighting p ON p.id = q.id,"
        + " LATERAL (SELECT "
        + COLUMNS
        + ", ST_Distance(s.geom::geography, p.geom::geography) AS metres"
        + " FROM sighting s WHERE "
        + statusRule("s", statuses)
        + " AND s.id <> p.id"
        + " AND s.geom && ST_Expand(p.geom, ? / (111320 * greatest(cos(radians(ST_Y(p.geom))),"
        + " 0.01)))"
        + " AND ST_DWithin(s.geom::geography, p.geom::geography, ?)"
        + " ORDER BY metres, s.id LIMIT ?) n"
        + " ORDER BY q.id, n.metres, n.id";
  }

  static List<Object> nearParams(double lon, double lat, int metres, long excludedId, int rows) {
    double metresPerDegreeLon = 111_320 * Math.max(Math.cos(Math.toRadians(lat)), 0.01);
    return List.of(
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

  /** The tile layer of the cameras, gathered in cells (see VectorTiles). */
  public static final String TILE_LAYER = "sightings";

  public static final int TILE_EXTENT = 4096;
  public static final int TILE_BUFFER = 64;
  public static final int TILE_CELL = 128;

  private static final double WEB_MERCATOR_WIDTH = 2 * 20037508.342789244;

  /**
   * The Mapbox Vector Tile z/x/y of the sightings matching {@code where}, built by PostGIS ({@code
   * ST_AsMVT}), cameras gathered in cells; empty (zero bytes) when no camera falls in it.
   */
  public byte[] tile(int z, int x, int y, Where where) {
    // The cameras just outside the tile too, so a cell on the edge is drawn by both neighbours.
    double margin = WEB_MERCATOR_WIDTH / (1L << z) * TILE_BUFFER / TILE_EXTENT;
    // Cells are counted with arithmetic on the stored Web Mercator coordinates (V35): one cell per
    // CELL tile units, centred on multiples of CELL, so neighbouring tiles cut the same cells.
    String sql =
        "WITH env AS (SELECT ST_TileEnvelope(?, ?, ?) AS box),"
            + " grid AS (SELECT box, ST_XMin(box) AS x0, ST_YMax(box) AS y0,"
            + " (ST_XMax(box) - ST_XMin(box)) * "
            + TILE_CELL
            + " / "
            + TILE_EXTENT
            + ".0 AS side FROM env),"
            + " cells AS (SELECT count(*) AS count, count(*) FILTER (WHERE s.vsa_suspected) AS vsa,"
            + " avg(ST_X(s.geom_3857)) AS x, avg(ST_Y(s.geom_3857)) AS y FROM sighting s, grid WHERE "
            + where.sql()
            + " AND s.geom_3857 && ST_Expand(grid.box, ?)"
            + " GROUP BY floor((ST_X(s.geom_3857) - grid.x0) / grid.side + 0.5),"
            + " floor((grid.y0 - ST_Y(s.geom_3857)) / grid.side + 0.5)),"
            + " features AS (SELECT count, vsa, ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(x, y), 3857),"
            + " grid.box, "
            + TILE_EXTENT
            + ", "
            + TILE_BUFFER
            + ", true) AS geom FROM cells, grid)"
            + " SELECT ST_AsMVT(features, '"
            + TILE_LAYER
            + "', "
            + TILE_EXTENT
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

  /**
   * The highest zoom whose tiles of every approved camera are drawn from {@code sighting_cell}, the
   * cells kept counted by triggers (V51, V53: zooms 0 to this one).
   */
  public static final int CELL_MAX_ZOOM = 12;

  /** Cells a tile side: a cell is {@link #TILE_CELL} of the tile's {@link #TILE_EXTENT} units. */
  private static final int CELLS_A_SIDE = TILE_EXTENT / TILE_CELL;

  /** The tile from the counted cells (deploy/bench/pgbench/tile-cells.sql runs it). */
  public static final String CELL_TILE_SQL =
      "WITH t AS (SELECT ST_TileEnvelope(?, ?, ?) AS box)"
          + " SELECT ST_AsMVT(f, '"
          + TILE_LAYER
          + "', "
          + TILE_EXTENT
          + ", 'geom') FROM (SELECT c.n AS count, c.vsa,"
          + " ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(c.sx / c.n, c.sy / c.n), 3857), t.box, "
          + TILE_EXTENT
          + ", "
          + TILE_BUFFER
          + ", true) AS geom FROM sighting_cell c, t WHERE c.z = ?"
          + " AND c.cx BETWEEN ? AND ? AND c.cy BETWEEN ? AND ? AND c.n > 0) f"
          + " WHERE f.geom IS NOT NULL";

  /**
   * The tile z/x/y of every approved camera (z at most {@link #CELL_MAX_ZOOM}) read from the cells
   * the triggers keep counted, the same cells {@link #tile} gathers: the tile's 32 × 32 and those
   * centred on its right and bottom edges, which its neighbours draw too. A few hundred rows,
   * whatever the number of cameras.
   */
  public byte[] cellTile(int z, int x, int y) {
    if (z > CELL_MAX_ZOOM) {
      throw new IllegalArgumentException("no cells above zoom " + CELL_MAX_ZOOM);
    }
    try {
      return reads.read(
          connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CELL_TILE_SQL)) {
              statement.setInt(1, z);
              statement.setInt(2, x);
              statement.setInt(3, y);
              statement.setInt(4, z);
              statement.setInt(5, x * CELLS_A_SIDE);
              statement.setInt(6, x * CELLS_A_SIDE + CELLS_A_SIDE);
              statement.setInt(7, y * CELLS_A_SIDE);
              statement.setInt(8, y * CELLS_A_SIDE + CELLS_A_SIDE);
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

  /** The rows of {@code sql}, its {@code ?} bound to {@code where}'s values then {@code more}. */
  private List<SightingView> list(String sql, Where where, Object... more) {
    try {
      return reads.read(
          connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              int next = where.bind(connection, statement, 1);
              for (Object value : more) {
                statement.setObject(next++, value);
              }
              try (ResultSet rows = statement.executeQuery()) {
                List<SightingView> views = new ArrayList<>();
                while (rows.next()) {
                  views.add(toView(rows));
                }
                return views;
              }
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("reading approved sightings failed", e);
    }
  }

  /** Maps a row selected with {@link #columns} to the API's view. */
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
