package org.technocarte.sighting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_GARE;
import static org.technocarte.sighting.SightingFixtures.PARIS_REPUBLIQUE;
import static org.technocarte.sighting.SightingFixtures.bboxAround;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.list;
import static org.technocarte.sighting.SightingFixtures.properties;
import static org.technocarte.sighting.SightingFixtures.submit;
import static org.technocarte.sighting.SightingFixtures.submitted;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadSightingsTest {

  private static final String MONTPELLIER_BOX = bboxAround(MONTPELLIER_COMEDIE, 0.02);

  private final SightingFixtures fixtures;

  ReadSightingsTest(SightingFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void emptyTable() {
    fixtures.clear();
  }

  @Test
  void shouldShowApprovedSightingsToEveryone() {
    long id = fixtures.approved(feature(MONTPELLIER_COMEDIE));
    list("bbox=" + MONTPELLIER_BOX)
        .statusCode(200)
        .contentType("application/geo+json")
        .body("type", equalTo("FeatureCollection"))
        .body("features.id", equalTo(java.util.List.of((int) id)))
        .body("features[0].properties.status", equalTo("approved"))
        .body(
            "features[0].properties",
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("editToken")))
        .body("numberReturned", equalTo(1))
        .body("truncated", equalTo(false));
    given().get("/api/sightings/" + id).then().statusCode(200).body("id", equalTo((int) id));
  }

  @Test
  void shouldHidePendingSightingsFromThePublic() {
    String token =
        submit(feature(MONTPELLIER_COMEDIE)).extract().jsonPath().getString("properties.editToken");
    long id = fixtures.lastId();
    list("bbox=" + MONTPELLIER_BOX).statusCode(200).body("features", hasSize(0));
    given()
        .get("/api/sightings/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .header("X-Edit-Token", token.substring(1) + "A")
        .get("/api/sightings/" + id)
        .then()
        .statusCode(404);
    given()
        .header("X-Edit-Token", token)
        .get("/api/sightings/" + id)
        .then()
        .statusCode(200)
        .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
        .body("properties.status", equalTo("pending"));
  }

  @Test
  void shouldNotShowAnotherSightingWithMyToken() {
    String token =
        submit(feature(MONTPELLIER_COMEDIE)).extract().jsonPath().getString("properties.editToken");
    long other = submitted(feature(MONTPELLIER_GARE));
    given().header("X-Edit-Token", token).get("/api/sightings/" + other).then().statusCode(404);
  }

  @Test
  void shouldHideRejectedSightings() {
    long id = fixtures.approved(feature(MONTPELLIER_COMEDIE));
    fixtures.setStatus(id, "rejected");
    list("bbox=" + MONTPELLIER_BOX).body("features", hasSize(0));
    given().get("/api/sightings/" + id).then().statusCode(404);
  }

  @Test
  void shouldAnswerAnUnknownIdWith404() {
    given()
        .get("/api/sightings/987654321")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
    given().get("/api/sightings/not-a-number").then().statusCode(404);
  }

  @Test
  void shouldKeepTheBoxInsideOutAndEdgeApart() {
    long comedie = fixtures.approved(feature(MONTPELLIER_COMEDIE));
    long gare = fixtures.approved(feature(MONTPELLIER_GARE));
    fixtures.approved(feature(PARIS_REPUBLIQUE));
    // A box around the Comédie only.
    list("bbox=" + bboxAround(MONTPELLIER_COMEDIE, 0.001))
        .body("features.id", equalTo(java.util.List.of((int) comedie)));
    // A box whose south-west corner is exactly the Gare: the edge counts as inside.
    list("bbox=" + MONTPELLIER_GARE[0] + "," + MONTPELLIER_GARE[1] + ",3.90,43.62")
        .body("features.id", containsInAnyOrder((int) comedie, (int) gare));
    // A box ending a hair west of the Gare leaves it out.
    list("bbox=3.85,43.59," + (MONTPELLIER_GARE[0] - 0.000001) + ",43.62")
        .body("features", hasSize(0));
    // Both Montpellier cameras, not Paris.
    list("bbox=" + MONTPELLIER_BOX).body("features", hasSize(2));
  }

  @Test
  void shouldFilterByTypeVsaAndCity() {
    ObjectNode alpr = feature(MONTPELLIER_COMEDIE);
    properties(alpr).put("surveillanceType", "alpr").put("cameraType", "fixed");
    long alprId = fixtures.approved(alpr);
    ObjectNode vsa = feature(MONTPELLIER_GARE);
    properties(vsa).put("vsaSuspected", true).put("cameraType", "panning");
    long vsaId = fixtures.approved(vsa);
    long domeId = fixtures.approved(feature(MONTPELLIER_COMEDIE));
    long parisId = fixtures.approved(feature(PARIS_REPUBLIQUE));

    list("bbox=" + MONTPELLIER_BOX + "&surveillanceType=alpr")
        .body("features.id", equalTo(java.util.List.of((int) alprId)));
    list("bbox=" + MONTPELLIER_BOX + "&surveillanceType=camera")
        .body("features.id", containsInAnyOrder((int) vsaId, (int) domeId));
    list("bbox=" + MONTPELLIER_BOX + "&cameraType=panning,fixed")
        .body("features.id", containsInAnyOrder((int) vsaId, (int) alprId));
    list("bbox=" + MONTPELLIER_BOX + "&vsaSuspected=true")
        .body("features.id", equalTo(java.util.List.of((int) vsaId)));
    list("bbox=" + MONTPELLIER_BOX + "&vsaSuspected=false").body("features", hasSize(2));
    list("bbox=" + MONTPELLIER_BOX + "&city=2992166&cameraType=dome")
        .body("features.id", equalTo(java.util.List.of((int) domeId)));
    list("bbox=" + bboxAround(PARIS_REPUBLIQUE, 0.01) + "&city=2988507")
        .body("features.id", equalTo(java.util.List.of((int) parisId)));
    list("bbox=" + MONTPELLIER_BOX + "&city=2988507").body("features", hasSize(0));
  }

  @Test
  void shouldCutAtTheLimitAndSaySo() {
    for (int i = 0; i < 3; i++) {
      fixtures.approved(feature(MONTPELLIER_COMEDIE));
    }
    list("bbox=" + MONTPELLIER_BOX + "&limit=2")
        .statusCode(200)
        .body("features", hasSize(2))
        .body("numberReturned", equalTo(2))
        .body("truncated", equalTo(true));
    list("bbox=" + MONTPELLIER_BOX + "&limit=3")
        .body("features", hasSize(3))
        .body("truncated", equalTo(false));
  }

  @Test
  void shouldRefuseBadParametersWithA400NamingThem() {
    expectBadParameter("", "bbox");
    expectBadParameter("bbox=3.8,43.6,3.9", "bbox");
    expectBadParameter("bbox=3.8,43.6,3.9,north", "bbox");
    expectBadParameter("bbox=3.9,43.6,3.8,43.7", "bbox");
    expectBadParameter("bbox=3.8,43.7,3.9,43.6", "bbox");
    expectBadParameter("bbox=-181,43.6,3.9,43.7", "bbox");
    expectBadParameter("bbox=3.8,43.6,3.9,91", "bbox");
    expectBadParameter("bbox=NaN,43.6,3.9,43.7", "bbox");
    expectBadParameter("bbox=0,40,5,45", "bbox"); // 25 square degrees: too large
    expectBadParameter("bbox=" + MONTPELLIER_BOX + "&limit=0", "limit");
    expectBadParameter("bbox=" + MONTPELLIER_BOX + "&limit=5001", "limit");
    expectBadParameter("bbox=" + MONTPELLIER_BOX + "&limit=ten", "limit");
    expectBadParameter("bbox=" + MONTPELLIER_BOX + "&surveillanceType=drone", "surveillanceType");
    expectBadParameter("bbox=" + MONTPELLIER_BOX + "&cameraType=dome,", "cameraType");
    expectBadParameter("bbox=" + MONTPELLIER_BOX + "&vsaSuspected=yes", "vsaSuspected");
    expectBadParameter("bbox=" + MONTPELLIER_BOX + "&colour=grey", "colour");
    expectBadParameter("bbox=" + MONTPELLIER_BOX + "&bbox=" + MONTPELLIER_BOX, "bbox");
  }

  @Test
  void shouldAcceptTheLargestAllowedBoxAndLimit() {
    list("bbox=3.0,43.0,4.0,44.0&limit=5000").statusCode(200);
  }

  private static void expectBadParameter(String query, String parameter) {
    list(query)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/bad-parameter"))
        .body("errors.field", hasItem(parameter));
  }
}
