package org.technocarte.city;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.export.ResearchFixtures;

/** Statistics count approved sightings only, per city and per month added. */
@QuarkusTest
class StatsTest {

  private static final String MONTPELLIER = ResearchFixtures.MONTPELLIER;

  private final ResearchFixtures fixtures;

  StatsTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    // Two approved in Montpellier (one suspected of VSA), one in Paris; one pending, one rejected.
    fixtures.load();
    fixtures.setCreatedAt(fixtures.republique(), "2025-02-10T12:00:00Z");
  }

  @Test
  void shouldCountCamerasPerCity() {
    JsonPath stats =
        given()
            .get("/api/stats")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .extract()
            .jsonPath();
    assertEquals(3, stats.getInt("cameras"));
    assertEquals(1, stats.getInt("vsaSuspected"));
    assertEquals(2, stats.getList("cities").size());
    Map<String, Object> montpellier = stats.getMap("cities[0]");
    assertEquals(MONTPELLIER, montpellier.get("code"));
    assertEquals("Montpellier", montpellier.get("name"));
    assertEquals(2, montpellier.get("cameras"));
    assertEquals(1, montpellier.get("vsaSuspected"));
    assertEquals(0.5f, ((Number) montpellier.get("vsaShare")).floatValue());
    assertEquals(Map.of("camera", 1, "alpr", 1), montpellier.get("bySurveillanceType"));
    assertEquals(Map.of("dome", 1, "fixed", 1), montpellier.get("byCameraType"));
    assertEquals("Paris", stats.getString("cities[1].name"));
    assertEquals(0f, stats.getFloat("cities[1].vsaShare"));
  }

  @Test
  void shouldCountApprovedSightingsByTheMonthTheyWereAdded() {
    String thisMonth = YearMonth.now(ZoneOffset.UTC).toString();
    given()
        .get("/api/stats")
        .then()
        .statusCode(200)
        .body("addedPerMonth.month", equalTo(List.of("2025-02", thisMonth)))
        .body("addedPerMonth.count", equalTo(List.of(1, 2)));
  }

  @Test
  void shouldListCitiesWithApprovedSightings() {
    given()
        .get("/api/cities")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("code[0]", equalTo(MONTPELLIER))
        .body("cameras", equalTo(List.of(2, 1)))
        .body("name", equalTo(List.of("Montpellier", "Paris")));
  }

  @Test
  void shouldDescribeOneCityAndAnswer404ForACityWithout() {
    given()
        .get("/api/cities/" + MONTPELLIER)
        .then()
        .statusCode(200)
        .body("cameras", equalTo(2))
        .body("vsaSuspected", equalTo(1))
        .body("bySurveillanceType.alpr", equalTo(1));
    given().get("/api/cities/0000").then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void shouldFollowTheStatusOfEachSighting() {
    fixtures.setCreatedAt(fixtures.comedie(), "2025-02-11T00:00:00Z");
    given().get("/api/stats").then().body("addedPerMonth.count", equalTo(List.of(2, 1)));
    // Rejecting the only Paris camera removes Paris.
    fixtures.reject(fixtures.republique());
    given().get("/api/cities").then().body("name", equalTo(List.of("Montpellier")));
    given().get("/api/stats").then().body("cameras", equalTo(2));
  }
}
