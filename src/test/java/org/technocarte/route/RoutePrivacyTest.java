package org.technocarte.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.common.AppLog;
import org.technocarte.moderation.ModerationFixtures;

/**
 * Routes are computed and forgotten: after a walker's requests (answered and refused), the app's
 * log holds none of their coordinates, and no table of the database holds a row more, a row
 * changed, or the coordinates' text. The one write is the address's rate-limit bucket (kind ROUTE,
 * keyed by an HMAC of the day), as for every limited request: it counts requests, not routes.
 */
@QuarkusTest
class RoutePrivacyTest {

  /** Digits no fixture uses, at the end of each coordinate the walker sends. */
  private static final String MARK = "73919";

  @Inject ModerationFixtures fixtures;
  @Inject StreetGrid grid;
  @Inject AgroalDataSource db;

  @BeforeEach
  void grid() {
    fixtures.clear();
    grid.lay();
    grid.domesOnRue0();
  }

  @Test
  void shouldKeepNothingOfARoute() throws Exception {
    Map<String, String> before = snapshot();
    AppLog log = AppLog.mark();
    String a = "[1.7000" + MARK + ",44.7000" + MARK + "]";
    String b = "[1.7040" + MARK + ",44.7000" + MARK + "]";
    String c = "[1.7040" + MARK + ",44.7020" + MARK + "]";
    Routes.json()
        .body("{\"type\":\"LineString\",\"coordinates\":[" + a + "," + b + "," + c + "]}")
        .post("/api/routes/exposure")
        .then()
        .statusCode(200);
    Routes.json()
        .body("{\"from\":" + a + ",\"to\":" + b + ",\"maxDetour\":0.5}")
        .post("/api/routes/least-watched")
        .then()
        .statusCode(200);
    Routes.json()
        .body("{\"from\":" + a + ",\"to\":[1.7000" + MARK + ",44.8000" + MARK + "]}")
        .post("/api/routes/least-watched")
        .then()
        .statusCode(422);
    Routes.json()
        .body("{\"points\":[" + a + ",[1.7000" + MARK + ",91." + MARK + "]]}")
        .post("/api/routes/exposure")
        .then()
        .statusCode(422);

    List<String> lines = log.linesSince();
    for (String line : lines) {
      assertTrue(!line.contains(MARK), "the log holds a route: " + line);
    }
    assertEquals(before, snapshot(), "a table changed");
    assertTrue(
        grid.number("SELECT count(*) FROM rate_bucket WHERE kind = 'ROUTE'") >= 1,
        "the requests drew from the address's rate-limit bucket");
    for (String table : before.keySet()) {
      // The base map's land and borders come from the build, unchanged (the digests above): the
      // hex of their large geometries holds any run of digits, the mark's too.
      if (table.startsWith("basemap_")) {
        continue;
      }
      assertEquals(
          0,
          grid.number("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%" + MARK + "%'"),
          table + " holds the route's coordinates");
    }
  }

  /**
   * Every table of the app's schema, with a digest of its rows; of rate_bucket, the rows of other
   * kinds than routes (the route bucket's row is checked apart).
   */
  private Map<String, String> snapshot() throws SQLException {
    Map<String, String> digests = new LinkedHashMap<>();
    List<String> tables = new ArrayList<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet r =
          s.executeQuery(
              "SELECT quote_ident(table_name) FROM information_schema.tables"
                  + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                  + " ORDER BY table_name")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet r =
            s.executeQuery(
                "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)),"
                    + " '') FROM "
                    + table
                    + " t"
                    + (table.equals("rate_bucket") ? " WHERE t.kind <> 'ROUTE'" : ""))) {
          r.next();
          digests.put(table, r.getString(1));
        }
      }
    }
    assertTrue(digests.containsKey("sighting") && digests.containsKey("street_edge"));
    return digests;
  }
}
