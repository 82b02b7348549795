package org.technocarte.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/** Each CQL2 filter answers what the same condition written in SQL answers. */
@QuarkusTest
class Cql2FilterTest {

  private static final String ITEMS = "/ogc/collections/sightings/items";

  private final ResearchFixtures fixtures;

  Cql2FilterTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    fixtures.load();
    var paris = SightingFixtures.feature(SightingFixtures.PARIS_REPUBLIQUE);
    SightingFixtures.properties(paris)
        .put("surveillanceType", "guard")
        .put("cameraType", "unknown")
        .put("notes", "50% of the square")
        .put("height", 12)
        .put("observedAt", "2025-11-30");
    SightingFixtures.properties(paris).remove("operator");
    fixtures.approved(paris);
  }

  @Test
  void shouldMatchTheReferenceAnswerOfEachFilter() {
    String[][] cases = {
      {"cameraType = 'dome'", "camera_type = 'dome'"},
      {"cameraType <> 'dome'", "camera_type <> 'dome'"},
      {"'dome' = cameraType", "camera_type = 'dome'"},
      {"height > 4.5", "height > 4.5"},
      {"height >= 4.5", "height >= 4.5"},
      {"height < 12", "height < 12"},
      {"fieldOfView <= 60", "field_of_view <= 60"},
      {"vsaSuspected = TRUE", "vsa_suspected"},
      {"vsaSuspected = false", "NOT vsa_suspected"},
      {"observedAt >= DATE('2025-03-01')", "observed_at >= DATE '2025-03-01'"},
      {"observedAt < '2025-03-01'", "observed_at < DATE '2025-03-01'"},
      {"updatedAt > TIMESTAMP('2000-01-01T00:00:00Z')", "true"},
      {
        "cameraType = 'dome' AND vsaSuspected = true OR surveillanceType = 'alpr'",
        "(camera_type = 'dome' AND vsa_suspected) OR surveillance_type = 'alpr'"
      },
      {
        "cameraType = 'dome' AND (vsaSuspected = false OR surveillanceType = 'alpr')",
        "camera_type = 'dome' AND (NOT vsa_suspected OR surveillance_type = 'alpr')"
      },
      {"NOT (cameraType = 'dome')", "NOT (camera_type = 'dome')"},
      {"not cameraType in ('dome', 'fixed')", "NOT camera_type IN ('dome', 'fixed')"},
      {"cameraType IN ('dome', 'fixed')", "camera_type IN ('dome', 'fixed')"},
      {"cameraType NOT IN ('dome')", "camera_type NOT IN ('dome')"},
      {"operator LIKE 'Ville%'", "operator LIKE 'Ville%'"},
      {"operator NOT LIKE '%police'", "operator NOT LIKE '%police'"},
      {"notes LIKE '50\\%%'", "notes LIKE '50\\%%'"},
      {"operator IS NULL", "operator IS NULL"},
      {"height IS NOT NULL", "height IS NOT NULL"},
      {"height BETWEEN 4 AND 12", "height BETWEEN 4 AND 12"},
      {"cityCode = '2992166'", "city_code = '2992166'"},
      {"\"cameraType\" = 'panning'", "camera_type = 'panning'"},
      {
        "S_INTERSECTS(geometry, BBOX(3.87, 43.60, 3.89, 43.62))",
        "geom && ST_MakeEnvelope(3.87, 43.60, 3.89, 43.62, 4326)"
      },
      {
        "s_intersects(BBOX(2.3, 48.8, 2.4, 48.9), geometry) AND cameraType = 'panning'",
        "geom && ST_MakeEnvelope(2.3, 48.8, 2.4, 48.9, 4326) AND camera_type = 'panning'"
      },
      {
        "S_INTERSECTS(geometry, POLYGON((3.878 43.607, 3.882 43.607, 3.882 43.610, 3.878 43.610,"
            + " 3.878 43.607)))",
        "ST_Intersects(geom, ST_GeomFromText('POLYGON((3.878 43.607, 3.882 43.607, 3.882 43.610,"
            + " 3.878 43.610, 3.878 43.607))', 4326))"
      },
      {
        "S_INTERSECTS(geometry, POINT(3.87967 43.60851))",
        "ST_Intersects(geom, ST_SetSRID(ST_MakePoint(3.87967, 43.60851), 4326))"
      },
    };
    for (String[] c : cases) {
      Set<Long> expected = fixtures.idsWhere(c[1]);
      assertEquals(expected, ids(c[0]), c[0]);
    }
    // The reference answers are not all the same: the cases tell filters apart.
    assertFalse(fixtures.idsWhere("camera_type = 'dome'").equals(fixtures.idsWhere("true")));
  }

  @Test
  void shouldRefuseAnInvalidFilterWithAProblemNamingIt() {
    for (String bad :
        List.of(
            "cameraType = ",
            "cameraType == 'dome'",
            "colour = 'red'",
            "cameraType = 'dome' AND",
            "(cameraType = 'dome'",
            "height > 'high'",
            "vsaSuspected > TRUE",
            "observedAt = DATE('yesterday')",
            "S_INTERSECTS(geometry, BBOX(3, 44, 2, 43))",
            "S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 1 1)))",
            "S_INTERSECTS(notes, BBOX(0, 0, 1, 1))",
            "notes LIKE operator",
            "'a' = 'a'",
            "notes = 'unclosed",
            "editToken = 'x'",
            "cameraType = 'dome'; DROP TABLE sighting",
            "(".repeat(200) + "cameraType = 'dome'" + ")".repeat(200))) {
      given()
          .queryParam("filter", bad)
          .get(ITEMS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("filter"));
    }
    given()
        .queryParam("filter", "cameraType = 'dome'")
        .queryParam("filter-lang", "cql2-json")
        .get(ITEMS)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("filter-lang"));
  }

  @Test
  void shouldTreatQuotesInValuesAsText() {
    assertEquals(Set.of(), ids("notes = 'x''); DELETE FROM sighting; --'"));
    assertEquals(4, fixtures.approvedCount());
  }

  @Test
  void shouldKeepTheFilterInTheNextLink() {
    String next =
        given()
            .queryParam("filter", "cityCode = '2992166' AND cameraType IN ('dome', 'fixed')")
            .queryParam("limit", 1)
            .get(ITEMS)
            .then()
            .statusCode(200)
            .body("numberMatched", equalTo(2))
            .body("links.find { it.rel == 'next' }.href", startsWith("http"))
            .extract()
            .jsonPath()
            .getString("links.find { it.rel == 'next' }.href");
    given()
        .urlEncodingEnabled(false)
        .get(next)
        .then()
        .statusCode(200)
        .body("numberMatched", equalTo(2))
        .body("features.id", equalTo(List.of((int) fixtures.gare())));
  }

  private static Set<Long> ids(String filter) {
    Set<Long> ids = new TreeSet<>();
    given()
        .queryParam("filter", filter)
        .queryParam("filter-lang", "cql2-text")
        .queryParam("limit", 10000)
        .get(ITEMS)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("features.id", Number.class)
        .forEach(n -> ids.add(n.longValue()));
    return ids;
  }
}
