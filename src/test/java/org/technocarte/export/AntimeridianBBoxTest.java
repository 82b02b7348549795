package org.technocarte.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.sighting.SightingFixtures.feature;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.common.geo.BBox;
import org.technocarte.sighting.SightingFixtures;
import org.technocarte.sighting.Where;

/**
 * A bbox whose west edge lies east of its east edge crosses the antimeridian, wherever a bbox is
 * read: the OGC items, the exports and the map. Cameras on both sides of 180° are found, one far
 * from it is not, and the GiST index still answers.
 */
@QuarkusTest
class AntimeridianBBoxTest {

  private static final String CROSSING = "177,65,-177,70";

  @Inject SightingFixtures sightings;
  @Inject DataSource dataSource;

  private long west;
  private long east;
  private long far;

  @BeforeEach
  void load() {
    sightings.clear();
    west = sightings.approved(feature(new double[] {179.5, 66.0}));
    east = sightings.approved(feature(new double[] {-179.5, 66.2}));
    far = sightings.approved(feature(new double[] {0.5, 66.1}));
  }

  @Test
  void shouldFindBothSidesOfTheAntimeridianInOgcItems() {
    assertEquals(Set.of(west, east), ogcIds("bbox=" + CROSSING));
    assertEquals(Set.of(west, east), ogcIds("bbox=177,65,-500,-177,70,9000"), "6 numbers");
    assertEquals(Set.of(west), ogcIds("bbox=177,65,180,70"), "up to 180 only");
    assertEquals(Set.of(east), ogcIds("bbox=-180,65,-177,70"), "from -180 only");
    assertEquals(Set.of(west, east, far), ogcIds("bbox=-180,-90,180,90"), "the whole world");
    assertEquals(Set.of(far), ogcIds("bbox=-177,65,177,70"), "the same edges, not crossing");
    assertEquals(
        2,
        given()
            .get("/ogc/collections/sightings/items?bbox=" + CROSSING)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getInt("numberMatched"));
  }

  @Test
  void shouldFindBothSidesOfTheAntimeridianInTheExports() {
    assertEquals(
        Set.of(west, east),
        ids(
            given()
                .get("/api/export/sightings.geojson?bbox=" + CROSSING)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("features.id", Number.class)));
    String csv =
        given()
            .get("/api/export/sightings.csv?bbox=177,65,0,-177,70,0")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals(3, csv.strip().split("\n").length, "a header and two cameras: " + csv);
  }

  @Test
  void shouldFindBothSidesOnTheMapAndCapTheSumOfBothParts() {
    // 1.2° wide (0.6 on each side) by 0.5° high: 0.6 square degrees, under the cap of 1.
    assertEquals(Set.of(west, east), mapIds("bbox=179.4,65.9,-179.4,66.4"));
    assertEquals(Set.of(west, east), mapIds("bbox=179.4,65.9,0,-179.4,66.4,30"));
    assertEquals(Set.of(east), mapIds("bbox=-180,65.9,-179.4,66.4"));
    // Each part 0.6 square degrees, under the cap; both together 1.2, over it.
    given()
        .get("/api/sightings?bbox=179,66,-179,66.6")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("bbox"))
        .body("errors[0].message", containsString("1.20 square degrees"));
  }

  @Test
  void shouldRefuseABoxOfFiveNumbersOrOutOfRangeEverywhere() {
    for (String path :
        List.of(
            "/ogc/collections/sightings/items",
            "/api/export/sightings.geojson",
            "/api/sightings")) {
      for (String bad : List.of("177,65,-177,70,3", "181,65,-177,70", "177,70,-177,65")) {
        given()
            .get(path + "?bbox=" + bad)
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("errors[0].field", equalTo("bbox"));
      }
    }
  }

  /**
   * The SQL a crossing box becomes is one a GiST index answers: over 20,000 points spread on the
   * globe (a temporary table, so that the planner's choice depends on the SQL alone and not on what
   * other tests left), PostgreSQL reads both parts from the index and joins them, no sequential
   * scan.
   */
  @Test
  void shouldAnswerACrossingBoxFromTheGistIndex() throws Exception {
    BBox box = BBox.parse(CROSSING);
    String text = plan(dataSource, new Where.Clause(box.sqlIntersects("s.geom"), box.sqlValues()));
    assertFalse(text.contains("Seq Scan"), text);
    assertTrue(text.contains("BitmapOr"), "one index scan per part:\n" + text);
    assertEquals(2, text.split("Bitmap Index Scan on probe_geom_idx", -1).length - 1, text);
  }

  /**
   * The plan of {@code SELECT id FROM probe s WHERE condition} over 20,000 points spread on the
   * globe with a GiST index, {@code probe_geom_idx}, on their {@code geom}.
   */
  static String plan(DataSource dataSource, Where.Clause condition) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TEMPORARY TABLE probe ON COMMIT DROP AS SELECT i AS id,"
                + " ST_SetSRID(ST_MakePoint((i * 7.919) % 360 - 180, (i * 3.571) % 170 - 85),"
                + " 4326) AS geom FROM generate_series(1, 20000) AS i");
        s.execute("CREATE INDEX probe_geom_idx ON probe USING gist (geom)");
        s.execute("ANALYZE probe");
      }
      try (PreparedStatement p =
          c.prepareStatement("EXPLAIN SELECT s.id FROM probe s WHERE " + condition.sql())) {
        int i = 1;
        for (Object v : condition.values()) {
          p.setObject(i++, v);
        }
        try (ResultSet rows = p.executeQuery()) {
          while (rows.next()) {
            plan.append(rows.getString(1)).append('\n');
          }
        }
      }
      c.rollback();
    }
    return plan.toString();
  }

  private static Set<Long> ogcIds(String query) {
    return ids(
        given()
            .get("/ogc/collections/sightings/items?limit=100&" + query)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("features.id", Number.class));
  }

  private static Set<Long> mapIds(String query) {
    return ids(
        given()
            .get("/api/sightings?" + query)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("features.id", Number.class));
  }

  private static Set<Long> ids(List<Number> numbers) {
    Set<Long> ids = new TreeSet<>();
    numbers.forEach(n -> ids.add(n.longValue()));
    return ids;
  }
}
