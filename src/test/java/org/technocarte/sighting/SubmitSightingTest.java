package org.technocarte.sighting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.sighting.SightingFixtures.MID_ATLANTIC;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.PARIS_REPUBLIQUE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.properties;
import static org.technocarte.sighting.SightingFixtures.submit;
import static org.technocarte.sighting.SightingFixtures.withClientId;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmitSightingTest {

  private final SightingFixtures fixtures;

  SubmitSightingTest(SightingFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void emptyTable() {
    fixtures.clear();
  }

  @Test
  void shouldCreatePendingSightingWithCityAndPrivateToken() {
    ObjectNode sent = feature(MONTPELLIER_COMEDIE);
    properties(sent).put("notes", "  Au-dessus de l'entrée de l'Opéra  ");

    ExtractableResponse<Response> answer =
        submit(sent)
            .statusCode(201)
            .contentType("application/geo+json")
            .header("Cache-Control", containsString("no-store"))
            .body("type", equalTo("Feature"))
            .body("id", notNullValue())
            .body("geometry.type", equalTo("Point"))
            .body("geometry.coordinates[0]", equalTo(3.87967f))
            .body("geometry.coordinates[1]", equalTo(43.60851f))
            .body("properties.status", equalTo("pending"))
            .body("properties.source", equalTo("walker"))
            .body("properties.surveillanceType", equalTo("camera"))
            .body("properties.cameraType", equalTo("dome"))
            .body("properties.fieldOfView", equalTo(360))
            .body("properties.directions", equalTo(List.of(90)))
            .body("properties.notes", equalTo("Au-dessus de l'entrée de l'Opéra"))
            .body("properties.city.name", equalTo("Montpellier"))
            .body("properties.city.code", equalTo("2992166"))
            .body("properties.observedAt", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
            .body("properties.version", equalTo(0))
            .body("properties.editToken", matchesPattern("[A-Za-z0-9_-]{43}"))
            .extract();
    long id = answer.jsonPath().getLong("id");
    assertTrue(answer.header("Location").endsWith("/api/sightings/" + id));
    assertEquals(1, fixtures.count());
  }

  @Test
  void shouldPointLocationAtTheNewSighting() {
    long id =
        submit(feature(PARIS_REPUBLIQUE))
            .statusCode(201)
            .header("Location", matchesPattern(".*/api/sightings/\\d+"))
            .extract()
            .jsonPath()
            .getLong("id");
    submit(feature(PARIS_REPUBLIQUE))
        .header("Location", not(endsWith("/api/sightings/" + id)))
        .body("properties.city.name", equalTo("Paris"));
  }

  @Test
  void shouldNotRepeatTheTokenInLaterAnswers() {
    String token =
        submit(feature(MONTPELLIER_COMEDIE)).extract().jsonPath().getString("properties.editToken");
    given()
        .header("X-Edit-Token", token)
        .get("/api/sightings/" + fixtures.lastId())
        .then()
        .statusCode(200)
        .body("properties", not(hasKey("editToken")));
  }

  @Test
  void shouldAnswerAResendWithTheFirstSightingAndToken() {
    UUID clientId = UUID.randomUUID();
    ExtractableResponse<Response> first =
        submit(withClientId(feature(MONTPELLIER_COMEDIE), clientId)).statusCode(201).extract();
    // The phone lost the answer and sends again, maybe after the walker changed a detail.
    ObjectNode resent = withClientId(feature(MONTPELLIER_COMEDIE), clientId);
    properties(resent).put("cameraType", "fixed");
    ExtractableResponse<Response> second = submit(resent).statusCode(200).extract();

    assertEquals(first.jsonPath().getLong("id"), second.jsonPath().getLong("id"));
    assertEquals(
        first.jsonPath().getString("properties.editToken"),
        second.jsonPath().getString("properties.editToken"));
    assertEquals("dome", second.jsonPath().getString("properties.cameraType"));
    assertEquals(1, fixtures.count());
  }

  @Test
  void shouldMakeOneRowFromResendsRacingEachOther() throws Exception {
    UUID clientId = UUID.randomUUID();
    String body = withClientId(feature(PARIS_REPUBLIQUE), clientId).toString();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Long>> sends = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        sends.add(
            () ->
                given()
                    .contentType("application/geo+json")
                    .body(body)
                    .post("/api/sightings")
                    .then()
                    .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)))
                    .extract()
                    .jsonPath()
                    .getLong("id"));
      }
      Set<Long> ids = new HashSet<>();
      for (Future<Long> id : pool.invokeAll(sends)) {
        ids.add(id.get());
      }
      assertEquals(1, ids.size());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, fixtures.count());
  }

  @Test
  void shouldGiveDifferentClientsDifferentTokens() {
    String a =
        submit(withClientId(feature(PARIS_REPUBLIQUE), UUID.randomUUID()))
            .extract()
            .jsonPath()
            .getString("properties.editToken");
    String b =
        submit(withClientId(feature(PARIS_REPUBLIQUE), UUID.randomUUID()))
            .extract()
            .jsonPath()
            .getString("properties.editToken");
    org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
    assertEquals(2, fixtures.count());
  }

  @Test
  void shouldStoreOnlyHashesOfTokenAndClientId() {
    UUID clientId = UUID.randomUUID();
    String token =
        submit(withClientId(feature(PARIS_REPUBLIQUE), clientId))
            .extract()
            .jsonPath()
            .getString("properties.editToken");
    String row = fixtures.rowAsText(fixtures.lastId());
    org.junit.jupiter.api.Assertions.assertFalse(row.contains(token), row);
    org.junit.jupiter.api.Assertions.assertFalse(row.contains(clientId.toString()), row);
  }

  @Test
  void shouldReadCompassPointsAndDropRepeatedDirections() {
    ObjectNode sent = feature(MONTPELLIER_COMEDIE);
    properties(sent).putArray("directions").add("NE").add(90).add("e").add(359);
    submit(sent).statusCode(201).body("properties.directions", equalTo(List.of(45, 90, 359)));
  }

  @Test
  void shouldDefaultFieldOfViewByCameraType() {
    ObjectNode fixed = feature(MONTPELLIER_COMEDIE);
    properties(fixed).put("cameraType", "fixed");
    submit(fixed).statusCode(201).body("properties.fieldOfView", equalTo(60));
    ObjectNode unknown = feature(MONTPELLIER_COMEDIE);
    properties(unknown).remove("cameraType");
    submit(unknown)
        .statusCode(201)
        .body("properties.cameraType", equalTo("unknown"))
        .body("properties.fieldOfView", nullValue());
    ObjectNode given = feature(MONTPELLIER_COMEDIE);
    properties(given).put("fieldOfView", 90);
    submit(given).statusCode(201).body("properties.fieldOfView", equalTo(90));
  }

  @Test
  void shouldAcceptNotesOfExactly2000Characters() {
    ObjectNode sent = feature(MONTPELLIER_COMEDIE);
    properties(sent).put("notes", "é".repeat(2000));
    submit(sent).statusCode(201);
  }

  @Test
  void shouldLetTheWalkerCorrectTheCityName() {
    ObjectNode sent = feature(MONTPELLIER_COMEDIE);
    properties(sent).putObject("city").put("name", "Montpellier (Écusson)");
    submit(sent)
        .statusCode(201)
        .body("properties.city.name", equalTo("Montpellier (Écusson)"))
        .body("properties.city.code", equalTo("2992166"));
  }

  @Test
  void shouldLeaveTheCityEmptyFarFromAnyPlace() {
    submit(feature(MID_ATLANTIC)).statusCode(201).body("properties.city", nullValue());
  }

  @Test
  void shouldTakeEveryFieldOfTheDesign() {
    ObjectNode sent = feature(MONTPELLIER_COMEDIE);
    properties(sent)
        .put("surveillanceType", "alpr")
        .put("cameraType", "fixed")
        .put("mount", "street_lamp")
        .put("fieldOfView", 45)
        .put("area", "outdoor")
        .put("zone", "traffic")
        .put("operator", "Préfecture de l'Hérault")
        .put("operatorType", "police")
        .put("height", 4.25)
        .put("vsaSuspected", true)
        .put("vsaEvidence", "Marché public d'analyse vidéo (https://example.org/marche)")
        .put("observedAt", "2025-06-01");
    submit(sent)
        .statusCode(201)
        .body("properties.surveillanceType", equalTo("alpr"))
        .body("properties.mount", equalTo("street_lamp"))
        .body("properties.fieldOfView", equalTo(45))
        .body("properties.area", equalTo("outdoor"))
        .body("properties.zone", equalTo("traffic"))
        .body("properties.operator", equalTo("Préfecture de l'Hérault"))
        .body("properties.operatorType", equalTo("police"))
        .body("properties.height", equalTo(4.25f))
        .body("properties.vsaSuspected", equalTo(true))
        .body("properties.vsaEvidence", containsString("https://example.org/marche"))
        .body("properties.observedAt", equalTo("2025-06-01"))
        .body("properties.checkDate", equalTo("2025-06-01"));
  }

  @Test
  void shouldListEveryInvalidFieldAtOnce() {
    ObjectNode sent = feature(MONTPELLIER_COMEDIE);
    properties(sent).put("cameraType", "bullet").put("height", -2).put("colour", "grey");
    submit(sent)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("status", equalTo(422))
        .body("type", equalTo("/problems/validation"))
        .body("errors", hasSize(3))
        .body("errors.field", hasItem("properties.cameraType"))
        .body("errors.field", hasItem("properties.height"))
        .body("errors.field", hasItem("properties.colour"));
    assertEquals(0, fixtures.count());
  }
}
