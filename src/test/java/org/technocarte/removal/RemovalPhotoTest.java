package org.technocarte.removal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.feature;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;
import org.technocarte.photo.PhotoRows;
import org.technocarte.photo.TestImages;
import org.technocarte.sighting.SightingFixtures;

/**
 * The photo of a removal report: sent with the report's token, seen by the camera's moderators
 * only, never among the camera's public photos, and erased with its files once they decide.
 */
@QuarkusTest
class RemovalPhotoTest {

  @Inject ModerationFixtures fixtures;
  @Inject SightingFixtures sightings;
  @Inject PhotoRows rows;

  private ModerationFixtures.Session moderator;
  private ModerationFixtures.Session stranger;

  @BeforeEach
  void groupsInMontpellierAndParis() {
    fixtures.clear();
    moderator =
        fixtures.moderatorOf(
            "Technopolice Montpellier", ModerationFixtures.TERRITORY_A, "mod@montpellier.test");
    stranger =
        fixtures.moderatorOf(
            "Technopolice Paris", ModerationFixtures.TERRITORY_B, "mod@paris.test");
  }

  @Test
  void shouldShowTheReportsPhotoToItsModeratorsAndEraseItWhenTheyDecide() {
    long camera = sightings.approved(feature(MONTPELLIER_COMEDIE));
    JsonPath created = report(camera).extract().jsonPath();
    long report = created.getLong("id");
    String token = created.getString("reportToken");
    assertTrue(token != null && token.length() >= 40, "a token comes with the report: " + token);

    long before = rows.count("photo");
    String href =
        upload(camera, report, token, TestImages.walkerJpeg())
            .statusCode(201)
            .body("href", equalTo("/api/moderation/removal-reports/" + report + "/photo"))
            .body("width", equalTo(2000))
            .extract()
            .path("href");
    assertEquals(before + 1, rows.count("photo"));

    // Never among the camera's public photos.
    given()
        .get("/api/sightings/" + camera + "/photos")
        .then()
        .statusCode(200)
        .body("photos", equalTo(List.of()));
    // Nor in the answer to anyone but the camera's moderators.
    given().get(href).then().statusCode(401);
    stranger.as().get(href).then().statusCode(403);

    moderator
        .as()
        .get("/api/moderation/removal-reports")
        .then()
        .statusCode(200)
        .body("[0].report.photo.href", equalTo(href))
        .body("[0].report", not(hasKey("reportToken")));
    byte[] jpeg =
        moderator
            .as()
            .get(href)
            .then()
            .statusCode(200)
            .contentType("image/jpeg")
            .header("Cache-Control", containsString("no-store"))
            .extract()
            .asByteArray();
    assertTrue(jpeg.length > 1000 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8);
    moderator.as().get(href + "/thumbnail").then().statusCode(200).contentType("image/jpeg");

    moderator
        .as()
        .body(Map.of("reason", "Toujours là"))
        .post("/api/moderation/removal-reports/" + report + "/reject")
        .then()
        .statusCode(200);
    assertEquals(before, rows.count("photo"));
    assertEquals(0, rows.count("photo_file WHERE photo_id NOT IN (SELECT id FROM photo)"));
    moderator.as().get(href).then().statusCode(404);
  }

  @Test
  void shouldEraseThePhotosOfEveryReportAConfirmedRemovalSettles() {
    long camera = sightings.approved(feature(MONTPELLIER_COMEDIE));
    JsonPath first = report(camera).extract().jsonPath();
    JsonPath second = report(camera).extract().jsonPath();
    long before = rows.count("photo");
    upload(camera, first.getLong("id"), first.getString("reportToken"), TestImages.walkerJpeg())
        .statusCode(201);
    upload(camera, second.getLong("id"), second.getString("reportToken"), TestImages.walkerJpeg())
        .statusCode(201);
    assertEquals(before + 2, rows.count("photo"));
    moderator
        .as()
        .body(Map.of("version", 0))
        .post("/api/moderation/removal-reports/" + first.getLong("id") + "/confirm")
        .then()
        .statusCode(200)
        .body("properties.status", equalTo("removed"));
    assertEquals(before, rows.count("photo"));
  }

  @Test
  void shouldRefuseAPhotoWithoutItsTokenOrBeyondTheOneAllowedAndStoreNothing() {
    long camera = sightings.approved(feature(MONTPELLIER_COMEDIE));
    JsonPath created = report(camera).extract().jsonPath();
    long report = created.getLong("id");
    String token = created.getString("reportToken");
    long other = sightings.approved(feature(SightingFixtures.PARIS_REPUBLIQUE));
    long before = rows.count("photo");
    byte[] jpeg = TestImages.walkerJpeg();

    problem(upload(camera, report, null, jpeg), 404);
    problem(upload(camera, report, "not-the-token", jpeg), 404);
    problem(upload(other, report, token, jpeg), 404);
    problem(upload(camera, report + 1000, token, jpeg), 404);
    problem(upload(camera, report, token, new byte[0]), 400);
    problem(upload(camera, report, token, "not an image".getBytes()), 415);
    problem(upload(camera, report, token, TestImages.jpegWithoutImageData(jpeg)), 422);
    assertEquals(before, rows.count("photo"));

    upload(camera, report, token, jpeg).statusCode(201);
    problem(upload(camera, report, token, jpeg), 409)
        .body("type", equalTo("/problems/too-many-photos"));

    JsonPath decided = report(camera).extract().jsonPath();
    moderator
        .as()
        .body(Map.of("reason", "Toujours là"))
        .post("/api/moderation/removal-reports/" + decided.getLong("id") + "/reject")
        .then()
        .statusCode(200);
    problem(upload(camera, decided.getLong("id"), decided.getString("reportToken"), jpeg), 409);
    assertEquals(before + 1, rows.count("photo"));
  }

  private static ValidatableResponse problem(ValidatableResponse response, int status) {
    return response.statusCode(status).contentType("application/problem+json");
  }

  private static ValidatableResponse report(long camera) {
    return given()
        .contentType("application/json")
        .body(Map.of("kind", "gone"))
        .post("/api/sightings/" + camera + "/removal-reports")
        .then()
        .statusCode(201);
  }

  private static ValidatableResponse upload(long camera, long report, String token, byte[] body) {
    var request = given().contentType("image/jpeg").body(body);
    if (token != null) {
      request = request.header("X-Report-Token", token);
    }
    return request
        .post("/api/sightings/" + camera + "/removal-reports/" + report + "/photo")
        .then();
  }
}
