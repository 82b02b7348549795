package org.technocarte.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_GARE;
import static org.technocarte.sighting.SightingFixtures.feature;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/** A file of OpenStreetMap surveillance nodes, as Overpass exports it, imported twice. */
@QuarkusTest
class OsmImportTest {

  @Inject ModerationFixtures fixtures;
  @Inject SightingFixtures sightings;

  private ModerationFixtures.Session moderator;
  private long group;
  private long comedie;

  @BeforeEach
  void aGroupWithTwoKnownCameras() {
    fixtures.clear();
    group = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    fixtures.member(fixtures.user("mod@montpellier.test", false), group, "moderator");
    moderator = ModerationFixtures.login("mod@montpellier.test");
    var known = feature(MONTPELLIER_COMEDIE);
    SightingFixtures.properties(known).put("observedAt", "2024-01-10");
    comedie = sightings.approved(known);
    sightings.approved(feature(MONTPELLIER_GARE));
  }

  @Test
  void shouldImportMapTagsAndReportThenChangeNothingTheSecondTime() throws IOException {
    JsonPath first = importFile();
    assertEquals("done", first.getString("status"));
    assertEquals(9, first.getInt("processed"));
    assertEquals(3, first.getInt("report.created"));
    assertEquals(1, first.getInt("report.confirmed"));
    assertEquals(1, first.getInt("report.flagged"));
    assertEquals(0, first.getInt("report.unchanged"));
    List<String> refused = first.getList("report.refused.ref");
    assertEquals(List.of("osm:node/1006", "osm:node/1007", "osm:node/1009", "feature 9"), refused);
    assertTrue(first.getString("report.refused[0].reason").contains("territory"));

    // Mapped as in the design: directions from letters, ALPR, dates, height.
    String box = "bbox=3.86,43.59,3.90,43.62&limit=100";
    SightingFixtures.list(box + "&surveillanceType=alpr")
        .statusCode(200)
        .body("features[0].properties.mount", equalTo("gantry"))
        .body("features[0].properties.directions", equalTo(List.of(270)))
        .body("features[0].properties.sourceRef", equalTo("osm:node/1003"))
        .body("features[0].properties.source", equalTo("import"));
    SightingFixtures.list(box + "&cameraType=dome")
        .statusCode(200)
        .body("features.properties.directions", hasItem(List.of(45, 180)));
    SightingFixtures.list(box + "&cameraType=fixed")
        .statusCode(200)
        .body("features.properties.observedAt", hasItem("2024-05-02"))
        .body("features.properties.height", hasItem(6.0f));
    // The node within 5 m confirmed the known camera; the one at 7 m waits for review.
    given()
        .get("/api/sightings/" + comedie)
        .then()
        .body("properties.checkDate", equalTo("2026-10-01"));
    assertEquals(1, fixtures.count("SELECT count(*) FROM sighting WHERE status = 'pending'"));
    long rows = fixtures.count("SELECT count(*) FROM sighting");
    long confirmations = fixtures.count("SELECT count(*) FROM confirmation");

    JsonPath second = importFile();
    assertEquals(0, second.getInt("report.created"));
    assertEquals(0, second.getInt("report.confirmed"));
    assertEquals(0, second.getInt("report.flagged"));
    assertEquals(5, second.getInt("report.unchanged"));
    assertEquals(rows, fixtures.count("SELECT count(*) FROM sighting"));
    assertEquals(confirmations, fixtures.count("SELECT count(*) FROM confirmation"));
  }

  @Test
  void shouldLogEachImportedCameraAndLetARevertWithdrawIt() throws IOException {
    importFile();
    long imported = fixtures.count("SELECT id FROM sighting WHERE source_ref = 'osm:node/1001'");
    JsonPath history =
        moderator
            .as()
            .get("/api/moderation/sightings/" + imported + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("import", history.getString("[0].action"));
    moderator
        .as()
        .body("{}")
        .post("/api/moderation/actions/" + history.getLong("[0].id") + "/revert")
        .then()
        .statusCode(200);
    given().get("/api/sightings/" + imported).then().statusCode(404);
  }

  @Test
  void shouldRefuseAnImportFromOutsideTheGroupOrNotGeoJson() throws IOException {
    long other = fixtures.group("Technopolice Paris", ModerationFixtures.TERRITORY_B);
    moderator
        .as()
        .body(read())
        .post("/api/moderation/imports?group=" + other)
        .then()
        .statusCode(403);
    moderator
        .as()
        .body("{\"type\":\"Feature\"}")
        .post("/api/moderation/imports?group=" + group)
        .then()
        .statusCode(422);
    moderator.as().body(read()).post("/api/moderation/imports").then().statusCode(400);
    given()
        .contentType("application/json")
        .body(read())
        .post("/api/moderation/imports?group=" + group)
        .then()
        .statusCode(401);
    assertEquals(0, fixtures.count("SELECT count(*) FROM import_job"));
  }

  private JsonPath importFile() throws IOException {
    long job =
        moderator
            .as()
            .body(read())
            .post("/api/moderation/imports?group=" + group)
            .then()
            .statusCode(202)
            .extract()
            .jsonPath()
            .getLong("id");
    for (int i = 0; i < 600; i++) {
      JsonPath state =
          moderator
              .as()
              .get("/api/moderation/imports/" + job)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      if (!"running".equals(state.getString("status"))) {
        return state;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the import did not finish within a minute");
  }

  private static byte[] read() throws IOException {
    try (InputStream in =
        OsmImportTest.class.getResourceAsStream("/osm/montpellier-surveillance.geojson")) {
      return in.readAllBytes();
    }
  }
}
