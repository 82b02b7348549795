package org.technocarte.basemap;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.technocarte.city.Gazetteer;

/**
 * Fills the base map's tables (V44) at start from what the build ships: land and borders from
 * {@value #RESOURCE} (made by frontend/build/basemap-data.js from Natural Earth), places from the
 * gazetteer. Nothing happens when the tables already hold these files (their digest is kept in
 * basemap_source); instances starting together wait on one advisory lock, and the first fills.
 *
 * <p>Each table is filled by one statement over arrays (unnest): a JDBC batch of the same rows took
 * 42 s on an empty database, one statement takes about a second.
 */
@ApplicationScoped
public class BasemapData {

  static final String RESOURCE = "basemap/world.tsv.gz";
  private static final Logger LOG = Logger.getLogger(BasemapData.class);

  /** pg_advisory_xact_lock key: "basemap" in ASCII. */
  private static final long LOCK = 0x626173656d6170L;

  /** The indexes of V44__basemap.sql, dropped during a load and built again after it. */
  private static final Map<String, String> INDEXES =
      Map.of(
          "basemap_earth_geom_idx", "basemap_earth USING gist (geom)",
          "basemap_boundary_geom_idx", "basemap_boundary USING gist (geom)",
          "basemap_place_geom_idx", "basemap_place USING gist (geom)",
          "basemap_place_zoom_idx", "basemap_place (min_zoom, population DESC)");

  private final AgroalDataSource database;
  private final Gazetteer gazetteer;

  public BasemapData(AgroalDataSource database, Gazetteer gazetteer) {
    this.database = database;
    this.gazetteer = gazetteer;
  }

  /** Whether the tables hold the shipped files; until then the load is tried again. */
  private volatile boolean loaded;

  private volatile boolean warned;

  /**
   * The app starts even when the database does not answer (it then answers 503 until it does): a
   * load that fails is logged in one line and tried again every 30 s.
   */
  void onStart(@Observes StartupEvent start) {
    tryLoad();
  }

  @Scheduled(
      every = "30s",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void retry() {
    if (!loaded) {
      tryLoad();
    }
  }

  private void tryLoad() {
    try {
      load();
      loaded = true;
    } catch (IllegalStateException e) {
      if (!warned) {
        warned = true;
        LOG.warnf(
            "The base map is not loaded yet, tried again every 30 s: %s",
            e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      }
    }
  }

  /** Fills the tables unless they already hold the shipped files; answers whether it did. */
  public boolean load() {
    long began = System.nanoTime();
    byte[] world = world();
    String digest = digest(world);
    try (Connection connection = database.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        Timings timings = new Timings(began);
        boolean filled = fill(connection, world, digest, timings);
        connection.commit();
        if (filled) {
          LOG.infof("Base map loaded in %d ms (%s)", timings.since(began), timings);
        }
        return filled;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("loading the base map failed", e);
    }
  }

  /** How long each step of a load took, for the log line. */
  private static final class Timings {
    private final StringBuilder steps = new StringBuilder();
    private long last;

    Timings(long began) {
      this.last = began;
    }

    long since(long began) {
      return (System.nanoTime() - began) / 1_000_000;
    }

    void step(String name) {
      long now = System.nanoTime();
      steps.append(steps.isEmpty() ? "" : ", ").append(name).append(' ');
      steps.append((now - last) / 1_000_000).append(" ms");
      last = now;
    }

    @Override
    public String toString() {
      return steps.toString();
    }
  }

  private boolean fill(Connection connection, byte[] world, String digest, Timings timings)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // The load may outlast the 5 s every statement of the app gets, and so may the wait for the
      // lock while another instance loads, or a start on a busy machine.
      statement.execute("SET LOCAL statement_timeout = 0");
      statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
      try (ResultSet row = statement.executeQuery("SELECT digest FROM basemap_source")) {
        if (row.next() && row.getString(1).equals(digest)) {
          return false;
        }
      }
      statement.execute("TRUNCATE basemap_earth, basemap_boundary, basemap_place");
      // An index built once after the rows is three times as fast as one kept up row by row.
      for (String index : INDEXES.keySet()) {
        statement.execute("DROP INDEX IF EXISTS " + index);
      }
    }
    List<String> earth = new ArrayList<>();
    List<String> boundaries = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    read(world, earth, boundaries, levels);
    timings.step("lock and read");
    insert(
        connection,
        "INSERT INTO basemap_earth (geom) SELECT ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(g),"
            + " 4326), 3857) FROM unnest(?::text[]) AS g",
        earth.toArray(),
        null);
    timings.step("land");
    insert(
        connection,
        "INSERT INTO basemap_boundary (kind_detail, geom) SELECT k,"
            + " ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(g), 4326), 3857)"
            + " FROM unnest(?::text[], ?::smallint[]) AS b (g, k)",
        boundaries.toArray(),
        levels.toArray());
    timings.step("borders");
    insertPlaces(connection);
    timings.step("places");
    try (Statement statement = connection.createStatement()) {
      for (var index : INDEXES.entrySet()) {
        statement.execute("CREATE INDEX " + index.getKey() + " ON " + index.getValue());
      }
      statement.execute("ANALYZE basemap_earth, basemap_boundary, basemap_place");
    }
    timings.step("indexes");
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO basemap_source (digest) VALUES (?) ON CONFLICT (only_row)"
                + " DO UPDATE SET digest = excluded.digest, loaded_at = now()")) {
      statement.setString(1, digest);
      statement.executeUpdate();
    }
    return true;
  }

  private static void insert(Connection connection, String sql, Object[] first, Object[] second)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("text", first));
      if (second != null) {
        statement.setArray(2, connection.createArrayOf("int2", second));
      }
      statement.executeUpdate();
    }
  }

  /**
   * The places by COPY, in Web Mercator computed here: as arrays, the same rows took three to five
   * seconds; a COPY of ready rows is what PostgreSQL loads fastest.
   */
  private void insertPlaces(Connection connection) throws SQLException {
    StringBuilder rows = new StringBuilder(1 << 22);
    for (Gazetteer.Place place : gazetteer.places()) {
      if (Math.abs(place.lat()) > 85) {
        continue;
      }
      rows.append(copyText(place.name()))
          .append('\t')
          .append(place.population())
          .append('\t')
          .append(minZoom(place.population()))
          .append("\tSRID=3857;POINT(")
          .append(mercatorX(place.lon()))
          .append(' ')
          .append(mercatorY(place.lat()))
          .append(")\n");
    }
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY basemap_place (name, population, min_zoom, geom) FROM STDIN",
              new StringReader(rows.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final double EARTH_RADIUS_M = 6378137;

  static double mercatorX(double lon) {
    return Math.toRadians(lon) * EARTH_RADIUS_M;
  }

  static double mercatorY(double lat) {
    return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * EARTH_RADIUS_M;
  }

  /** A value in COPY's text format: backslash, tab and line ends escaped. */
  private static String copyText(String value) {
    return value
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  /** The zoom from which a place of this population is labelled. */
  static short minZoom(long population) {
    if (population >= 1_000_000) {
      return 3;
    }
    if (population >= 300_000) {
      return 5;
    }
    if (population >= 100_000) {
      return 6;
    }
    if (population >= 30_000) {
      return 8;
    }
    if (population >= 10_000) {
      return 9;
    }
    return 10;
  }

  private static void read(
      byte[] world, List<String> earth, List<String> boundaries, List<Integer> levels) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(world)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        String[] f = line.split("\t", 3);
        switch (f[0]) {
          case "earth" -> earth.add(f[2]);
          case "boundary" -> {
            boundaries.add(f[2]);
            levels.add(Integer.parseInt(f[1]));
          }
          default -> throw new IllegalStateException("unknown kind in " + RESOURCE + ": " + f[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] world() {
    try (InputStream in = BasemapData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing: it is made by `npm run build` in frontend/");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The digests of the world file and of the gazetteer's: what the tables were filled from. */
  private String digest(byte[] world) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(world);
      sha.update(Gazetteer.fileDigest());
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
