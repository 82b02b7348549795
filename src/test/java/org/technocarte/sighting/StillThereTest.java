package org.technocarte.sighting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_GARE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Before adding a camera the walker sees those already there; anyone confirms one still exists. */
@QuarkusTest
class StillThereTest {

  private final SightingFixtures fixtures;

  StillThereTest(SightingFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void emptyTable() {
    fixtures.clear();
  }

  @Test
  void shouldOfferApprovedCamerasWithin25MetresNearestFirst() {
    long at = fixtures.approved(feature(MONTPELLIER_COMEDIE));
    // About 15 m north (0.000135° of latitude), then about 40 m east.
    long near =
        fixtures.approved(
            feature(new double[] {MONTPELLIER_COMEDIE[0], MONTPELLIER_COMEDIE[1] + 0.000135}));
    fixtures.approved(
        feature(new double[] {MONTPELLIER_COMEDIE[0] + 0.0005, MONTPELLIER_COMEDIE[1]}));
    fixtures.approved(feature(MONTPELLIER_GARE));
    SightingFixtures.submitted(feature(MONTPELLIER_COMEDIE)); // pending: not offered

    nearby(MONTPELLIER_COMEDIE[0] + 0.00001, MONTPELLIER_COMEDIE[1], "")
        .statusCode(200)
        .contentType("application/geo+json")
        .body("features.id", equalTo(List.of((int) at, (int) near)));
    nearby(MONTPELLIER_COMEDIE[0], MONTPELLIER_COMEDIE[1], "&radius=50")
        .body("features", hasSize(3));
  }

  @Test
  void shouldRefuseBadNearbyParameters() {
    for (String query :
        List.of(
            "lat=43.6",
            "lon=3.8&lat=95",
            "lon=x&lat=43.6",
            "lon=3.8&lat=43.6&radius=0",
            "lon=3.8&lat=43.6&radius=201",
            "lon=3.8&lat=43.6&near=1")) {
      given()
          .get("/api/sightings/nearby?" + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/bad-parameter"));
    }
  }

  @Test
  void shouldMoveTheCheckDateToTodayWhenSomeoneConfirms() {
    ObjectNode old = feature(MONTPELLIER_COMEDIE);
    properties(old).put("observedAt", "2024-03-01");
    long id = fixtures.approved(old);
    given().get("/api/sightings/" + id).then().body("properties.checkDate", equalTo("2024-03-01"));

    given()
        .post("/api/sightings/" + id + "/confirmations")
        .then()
        .statusCode(201)
        .contentType("application/geo+json")
        .body("properties.checkDate", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
        .body("properties.observedAt", equalTo("2024-03-01"))
        .body("properties.version", equalTo(0));
    given().post("/api/sightings/" + id + "/confirmations").then().statusCode(201);
    assertEquals(2, fixtures.confirmations(id));
  }

  @Test
  void shouldOnlyConfirmApprovedCameras() {
    long pending = SightingFixtures.submitted(feature(MONTPELLIER_COMEDIE));
    given()
        .post("/api/sightings/" + pending + "/confirmations")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().post("/api/sightings/987654/confirmations").then().statusCode(404);
    assertEquals(0, fixtures.confirmations(pending));
  }

  @Test
  void shouldGiveTheMapItsSettings() {
    given()
        .get("/api/config")
        .then()
        .statusCode(200)
        .body("tileUrl", org.hamcrest.Matchers.nullValue())
        .body("tileAttribution", org.hamcrest.Matchers.containsString("OpenStreetMap"))
        .body("duplicateRadiusMetres", equalTo(25))
        .body("staleAfterDays", equalTo(730))
        .body("maxBboxArea", equalTo(1.0f));
    given().get("/q/openapi?format=json").then().body("paths.keySet()", hasItem("/api/config"));
    // The cap served is the one the map's reads are held to: the page keeps no copy of it.
    float cap = given().get("/api/config").then().extract().path("maxBboxArea");
    given().get("/api/sightings?bbox=3,43,4," + (43 + cap)).then().statusCode(200);
    given()
        .get("/api/sightings?bbox=3,43,4," + (43 + cap + 0.01f))
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo("too-large"));
  }

  private static io.restassured.response.ValidatableResponse nearby(
      double lon, double lat, String more) {
    return given().get("/api/sightings/nearby?lon=" + lon + "&lat=" + lat + more).then();
  }
}
