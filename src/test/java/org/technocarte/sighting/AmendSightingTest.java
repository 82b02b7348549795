package org.technocarte.sighting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.technocarte.sighting.SightingFixtures.JSON;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.PARIS_REPUBLIQUE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AmendSightingTest {

  private final SightingFixtures fixtures;
  private long id;
  private String token;

  AmendSightingTest(SightingFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void aPendingSighting() {
    fixtures.clear();
    var answer = submit(feature(MONTPELLIER_COMEDIE)).statusCode(201).extract().jsonPath();
    id = answer.getLong("id");
    token = answer.getString("properties.editToken");
  }

  @Test
  void shouldChangeOnlyWhatTheWalkerSends() {
    ObjectNode change = changes();
    change.with("properties").put("cameraType", "fixed").put("notes", "Vise l'arrêt de tram");
    change.with("properties").putArray("directions").add(180).add(270);
    change.with("properties").putNull("mount");
    amend(token, change)
        .statusCode(200)
        .contentType("application/geo+json")
        .body("properties.cameraType", equalTo("fixed"))
        .body("properties.notes", equalTo("Vise l'arrêt de tram"))
        .body("properties.directions", equalTo(List.of(180, 270)))
        .body("properties.mount", nullValue())
        .body("properties.zone", equalTo("town"))
        .body("properties.operator", equalTo("Ville de Montpellier"))
        .body("properties.version", equalTo(1))
        .body("properties.status", equalTo("pending"));
  }

  @Test
  void shouldMoveThePinAndRenameTheCity() {
    ObjectNode change = changes();
    change
        .putObject("geometry")
        .put("type", "Point")
        .putArray("coordinates")
        .add(PARIS_REPUBLIQUE[0])
        .add(PARIS_REPUBLIQUE[1]);
    amend(token, change)
        .statusCode(200)
        .body("geometry.coordinates[0]", equalTo((float) PARIS_REPUBLIQUE[0]))
        .body("properties.city.name", equalTo("Paris"));
  }

  @Test
  void shouldRefuseAStaleVersion() {
    ObjectNode first = changes();
    first.with("properties").put("version", 0).put("notes", "first");
    amend(token, first).statusCode(200).body("properties.version", equalTo(1));
    ObjectNode stale = changes();
    stale.with("properties").put("version", 0).put("notes", "second, from an old copy");
    amend(token, stale)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/stale-version"));
    given()
        .header("X-Edit-Token", token)
        .get("/api/sightings/" + id)
        .then()
        .body("properties.notes", equalTo("first"));
  }

  @Test
  void shouldRefuseAWrongOrMissingToken() {
    ObjectNode change = changes();
    change.with("properties").put("notes", "not mine");
    amend("x".repeat(43), change).statusCode(404).contentType("application/problem+json");
    given()
        .contentType("application/geo+json")
        .body(change.toString())
        .patch("/api/sightings/" + id)
        .then()
        .statusCode(404);
    given()
        .header("X-Edit-Token", token)
        .get("/api/sightings/" + id)
        .then()
        .body("properties.notes", nullValue());
  }

  @Test
  void shouldRefuseToAmendOnceModerated() {
    fixtures.setStatus(id, "approved");
    ObjectNode change = changes();
    change.with("properties").put("notes", "too late");
    amend(token, change).statusCode(409).body("type", equalTo("/problems/not-pending"));
  }

  @Test
  void shouldRefuseInvalidChangesAndKeepTheSighting() {
    ObjectNode change = changes();
    change.with("properties").put("cameraType", "bullet").put("notes", "kept?");
    change.with("properties").put("clientId", java.util.UUID.randomUUID().toString());
    change.with("properties").put("status", "approved");
    amend(token, change)
        .statusCode(422)
        .body("errors.field", hasItem("properties.cameraType"))
        .body("errors.field", hasItem("properties.clientId"))
        .body("errors.field", hasItem("properties.status"));
    given()
        .header("X-Edit-Token", token)
        .get("/api/sightings/" + id)
        .then()
        .body("properties.cameraType", equalTo("dome"))
        .body("properties.notes", nullValue())
        .body("properties.version", equalTo(0));
  }

  @Test
  void shouldAcceptMergePatchMediaTypeAndRefuseText() {
    ObjectNode change = changes();
    change.with("properties").put("height", 3.5);
    given()
        .header("X-Edit-Token", token)
        .contentType("application/merge-patch+json")
        .body(change.toString())
        .patch("/api/sightings/" + id)
        .then()
        .statusCode(200)
        .body("properties.height", equalTo(3.5f));
    given()
        .header("X-Edit-Token", token)
        .contentType("text/plain")
        .body(change.toString())
        .patch("/api/sightings/" + id)
        .then()
        .statusCode(415);
  }

  private static ObjectNode changes() {
    ObjectNode change = JSON.createObjectNode().put("type", "Feature");
    change.putObject("properties");
    return change;
  }

  private ValidatableResponse amend(String editToken, ObjectNode change) {
    return given()
        .header("X-Edit-Token", editToken)
        .contentType("application/geo+json")
        .body(change.toString())
        .when()
        .patch("/api/sightings/" + id)
        .then();
  }
}
