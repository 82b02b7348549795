package org.technocarte.removal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.PARIS_REPUBLIQUE;
import static org.technocarte.sighting.SightingFixtures.bboxAround;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.submitted;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;
import org.technocarte.sighting.SightingFixtures;

/** Cameras that come down or move: reported by a passer-by, decided by the territory's group. */
@QuarkusTest
class RemovalTest {

  /** About 60 m east of the Comédie camera. */
  private static final double[] COMEDIE_60_M_EAST = {3.88042, 43.60851};

  /** About 800 m from it: another camera, not a move. */
  private static final double[] MONTPELLIER_ANTIGONE = {3.88960, 43.60800};

  @Inject ModerationFixtures fixtures;
  @Inject SightingFixtures sightings;

  private ModerationFixtures.Session moderator;

  @BeforeEach
  void aGroupInMontpellier() {
    fixtures.clear();
    moderator =
        fixtures.moderatorOf(
            "Technopolice Montpellier", ModerationFixtures.TERRITORY_A, "mod@montpellier.test");
    fixtures.moderatorOf("Technopolice Paris", ModerationFixtures.TERRITORY_B, "mod@paris.test");
  }

  @Test
  void shouldReportAGoneCameraAndConfirmItAsRemovedKeptOffTheDefaultMap() {
    long camera = sightings.approved(feature(MONTPELLIER_COMEDIE));
    long report =
        report(camera, Map.of("kind", "gone", "note", "Le mât est vide"))
            .statusCode(201)
            .body("status", equalTo("open"))
            .body("kind", equalTo("gone"))
            .body("sightingId", equalTo((int) camera))
            .body("reportedOn", equalTo(today()))
            .extract()
            .jsonPath()
            .getLong("id");
    // A report alone changes nothing public.
    given().get("/api/sightings/" + camera).then().body("properties.status", equalTo("approved"));

    JsonPath open = openReports(moderator).extract().jsonPath();
    assertEquals(List.of((int) report), open.getList("report.id"));
    assertEquals("Le mât est vide", open.getString("[0].report.note"));
    assertEquals((int) camera, open.getInt("[0].sighting.id"));

    decide(report, "confirm", Map.of("version", 0, "reason", "Vu sur place"))
        .statusCode(200)
        .body("properties.status", equalTo("removed"))
        .body("properties.removedOn", equalTo(today()));

    String box = bboxAround(MONTPELLIER_COMEDIE, 0.01);
    SightingFixtures.list("bbox=" + box).statusCode(200).body("features.id", equalTo(List.of()));
    SightingFixtures.list("bbox=" + box + "&status=removed")
        .statusCode(200)
        .body("features.id", equalTo(List.of((int) camera)))
        .body("features[0].properties.status", equalTo("removed"));
    SightingFixtures.list("bbox=" + box + "&status=approved,removed")
        .body("features.id", equalTo(List.of((int) camera)));
    given()
        .get("/api/sightings/" + camera)
        .then()
        .statusCode(200)
        .body("properties.status", equalTo("removed"));
    openReports(moderator).body("report.id", equalTo(List.of()));

    given()
        .get("/api/stats")
        .then()
        .body("cameras", equalTo(0))
        .body("removed", equalTo(1))
        .body("addedPerMonth.count", equalTo(List.of(1)))
        .body("removedPerMonth.month", equalTo(List.of(today().substring(0, 7))))
        .body("removedPerMonth.count", equalTo(List.of(1)));

    ValidatableResponse history = history(camera);
    history
        .body("[0].action", equalTo("remove"))
        .body("[0].actor", equalTo("mod"))
        .body("[0].reason", containsString("Vu sur place"))
        .body("[0].reason", containsString("reported gone on " + today() + " by a passer-by"));
    long action = history.extract().jsonPath().getLong("[0].id");
    // A removal confirmed by mistake is reverted like any action.
    moderator
        .as()
        .body(Map.of("reason", "Remis en place"))
        .post("/api/moderation/actions/" + action + "/revert")
        .then()
        .statusCode(200);
    given()
        .get("/api/sightings/" + camera)
        .then()
        .body("properties.status", equalTo("approved"))
        .body("properties.removedOn", nullValue());
  }

  @Test
  void shouldMoveACameraWhenAMoveIsConfirmed() {
    long camera = sightings.approved(feature(MONTPELLIER_COMEDIE));
    long report =
        report(camera, Map.of("kind", "moved", "movedTo", point(COMEDIE_60_M_EAST)))
            .statusCode(201)
            .body("movedTo.coordinates", notNullValue())
            .extract()
            .jsonPath()
            .getLong("id");
    decide(report, "confirm", Map.of("version", 0))
        .statusCode(200)
        .body("properties.status", equalTo("approved"))
        .body("geometry.coordinates[0]", equalTo((float) COMEDIE_60_M_EAST[0]))
        .body("properties.city.name", equalTo("Montpellier"));
    history(camera).body("[0].action", equalTo("move"));
  }

  @Test
  void shouldRejectAReportAndKeepTheCamera() {
    long camera = sightings.approved(feature(MONTPELLIER_COMEDIE));
    long report = reported(camera);
    decide(report, "reject", Map.of("reason", "Toujours là, vu hier"))
        .statusCode(200)
        .body("status", equalTo("rejected"));
    given().get("/api/sightings/" + camera).then().body("properties.status", equalTo("approved"));
    history(camera)
        .body("[0].action", equalTo("reject_removal"))
        .body("[0].reason", containsString("Toujours là"));
    decide(report, "confirm", Map.of("version", 0))
        .statusCode(409)
        .body("type", equalTo("/problems/wrong-status"));
  }

  @Test
  void shouldRefuseABadReportAndStoreNothing() {
    long camera = sightings.approved(feature(MONTPELLIER_COMEDIE));
    long pending = submitted(feature(MONTPELLIER_COMEDIE));
    report(999_999_999L, Map.of("kind", "gone")).statusCode(404);
    report(pending, Map.of("kind", "gone")).statusCode(404);
    report(camera, Map.of("kind", "stolen"))
        .statusCode(422)
        .body("errors.find { it.field == 'kind' }.code", equalTo("not-one-of"));
    report(camera, Map.of())
        .statusCode(422)
        .body("errors.find { it.field == 'kind' }.code", equalTo("required"));
    report(camera, Map.of("kind", "moved"))
        .statusCode(422)
        .body("errors.find { it.field == 'movedTo' }.code", equalTo("required-with"));
    report(camera, Map.of("kind", "gone", "movedTo", point(COMEDIE_60_M_EAST)))
        .statusCode(422)
        .body("errors.field", hasItem("movedTo"));
    report(camera, Map.of("kind", "moved", "movedTo", point(MONTPELLIER_ANTIGONE)))
        .statusCode(422)
        .body("errors.find { it.field == 'movedTo' }.code", equalTo("out-of-range"));
    report(camera, Map.of("kind", "moved", "movedTo", Map.of("type", "Point")))
        .statusCode(422)
        .body("errors.find { it.field == 'movedTo' }.code", equalTo("wrong-type"));
    report(camera, Map.of("kind", "gone", "note", "a\u0007b"))
        .statusCode(422)
        .body("errors.find { it.field == 'note' }.code", equalTo("control-characters"));
    report(camera, Map.of("kind", "gone", "note", "x".repeat(1001)))
        .statusCode(422)
        .body("errors.find { it.field == 'note' }.code", equalTo("length"));
    report(camera, Map.of("kind", "gone", "who", "me"))
        .statusCode(422)
        .body("errors.find { it.field == 'who' }.code", equalTo("unknown-field"));
    given()
        .contentType("application/json")
        .body("{\"kind\": ")
        .post("/api/sightings/" + camera + "/removal-reports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType("text/plain")
        .body("gone")
        .post("/api/sightings/" + camera + "/removal-reports")
        .then()
        .statusCode(415);
    assertEquals(0, fixtures.count("SELECT count(*) FROM removal_report"));

    // A camera already removed cannot be reported again.
    decide(reported(camera), "confirm", Map.of("version", 0)).statusCode(200);
    report(camera, Map.of("kind", "gone"))
        .statusCode(409)
        .body("type", equalTo("/problems/wrong-status"));
  }

  @Test
  void shouldLetOnlyTheTerritorysModeratorsDecide() {
    long camera = sightings.approved(feature(MONTPELLIER_COMEDIE));
    long report = reported(camera);
    given().get("/api/moderation/removal-reports").then().statusCode(401);
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/moderation/removal-reports/" + report + "/confirm")
        .then()
        .statusCode(401);
    ModerationFixtures.Session paris = ModerationFixtures.login("mod@paris.test");
    openReports(paris).body("report.id", equalTo(List.of()));
    paris
        .as()
        .body(Map.of("version", 0))
        .post("/api/moderation/removal-reports/" + report + "/confirm")
        .then()
        .statusCode(403);
    paris
        .as()
        .body(Map.of())
        .post("/api/moderation/removal-reports/" + report + "/reject")
        .then()
        .statusCode(403);
    decide(report, "confirm", Map.of()).statusCode(422).body("errors.field", hasItem("version"));
    decide(report, "confirm", Map.of("version", 7))
        .statusCode(409)
        .body("type", equalTo("/problems/stale-version"));
    decide(999_999_999L, "confirm", Map.of("version", 0)).statusCode(404);
    given()
        .get("/api/sightings/" + camera)
        .then()
        .body("properties.status", equalTo("approved"))
        .body("properties.removedOn", nullValue());

    // A Paris camera is the Paris group's to decide.
    long parisCamera = sightings.approved(feature(PARIS_REPUBLIQUE));
    long parisReport = reported(parisCamera);
    openReports(paris).body("report.id", equalTo(List.of((int) parisReport)));
    openReports(moderator).body("report.id", equalTo(List.of((int) report)));
  }

  @Test
  void shouldRefuseAStatusFilterOtherThanPublicOnes() {
    String box = bboxAround(MONTPELLIER_COMEDIE, 0.01);
    SightingFixtures.list("bbox=" + box + "&status=pending")
        .statusCode(400)
        .body("errors.find { it.field == 'status' }.code", equalTo("not-one-of"));
    SightingFixtures.list("bbox=" + box + "&status=gone").statusCode(400);
  }

  @Test
  void shouldExportRemovedCamerasWithTheirStatusOnlyWhenAskedFor() {
    long standing = sightings.approved(feature(COMEDIE_60_M_EAST));
    long camera = sightings.approved(feature(MONTPELLIER_COMEDIE));
    decide(reported(camera), "confirm", Map.of("version", 0)).statusCode(200);

    given()
        .get("/api/export/sightings.geojson")
        .then()
        .statusCode(200)
        .body("features.id", equalTo(List.of((int) standing)));
    given()
        .get("/api/export/sightings.geojson?status=removed")
        .then()
        .statusCode(200)
        .header("Content-Disposition", containsString("-removed.geojson"))
        .body("features.id", equalTo(List.of((int) camera)))
        .body("features[0].properties.status", equalTo("removed"))
        .body("features[0].properties.removedOn", equalTo(today()));
    String csv = given().get("/api/export/sightings.csv?status=approved,removed").asString();
    List<String> lines = csv.lines().toList();
    assertEquals(3, lines.size(), csv);
    List<String> header = List.of(lines.get(0).split(","));
    int status = header.indexOf("status");
    int removedOn = header.indexOf("removedOn");
    String removedRow =
        lines.stream().filter(l -> l.startsWith(camera + ",")).findFirst().orElseThrow();
    assertEquals("removed", removedRow.split(",", -1)[status]);
    assertEquals(today(), removedRow.split(",", -1)[removedOn]);
    given()
        .get("/ogc/collections/sightings/items?status=removed")
        .then()
        .statusCode(200)
        .body("features.id", equalTo(List.of((int) camera)))
        .body("features[0].properties.removedOn", equalTo(today()));
    given()
        .get("/ogc/collections/sightings/items/" + camera)
        .then()
        .statusCode(200)
        .body("properties.status", equalTo("removed"));
    // The OpenStreetMap file holds what stands in the street.
    String osm = given().get("/api/export/sightings.osm?status=approved,removed").asString();
    assertEquals(1, osm.split("<node ", -1).length - 1, osm);
    given()
        .get("/api/export/sightings.geojson?status=pending")
        .then()
        .statusCode(400)
        .body("errors.find { it.field == 'status' }.code", equalTo("not-one-of"));
    given().get("/ogc/collections/sightings/items?status=merged").then().statusCode(400);
  }

  private long reported(long camera) {
    return report(camera, Map.of("kind", "gone"))
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  private static ValidatableResponse report(long camera, Map<String, ?> body) {
    return given()
        .contentType("application/json")
        .body(body)
        .post("/api/sightings/" + camera + "/removal-reports")
        .then();
  }

  private static ValidatableResponse openReports(ModerationFixtures.Session who) {
    return who.as().get("/api/moderation/removal-reports").then().statusCode(200);
  }

  private ValidatableResponse decide(long report, String decision, Map<String, ?> body) {
    return moderator
        .as()
        .body(body)
        .post("/api/moderation/removal-reports/" + report + "/" + decision)
        .then();
  }

  private ValidatableResponse history(long camera) {
    return moderator
        .as()
        .get("/api/moderation/sightings/" + camera + "/history")
        .then()
        .statusCode(200);
  }

  private static Map<String, Object> point(double[] place) {
    return Map.of("type", "Point", "coordinates", List.of(place[0], place[1]));
  }

  private static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }
}
