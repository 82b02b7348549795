package org.technocarte.photo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;

/** Moderators of the territory review pending photos and erase those that expose someone. */
@QuarkusTest
class PhotoModerationTest {

  @Inject ModerationFixtures fixtures;

  private ModerationFixtures.Session moderatorA;
  private ModerationFixtures.Session moderatorB;
  private String href;
  private String photoId;

  @BeforeEach
  void aPendingPhotoInMontpellier() {
    List<ModerationFixtures.Session> moderators = moderatorsOfMontpellierAndParis(fixtures);
    moderatorA = moderators.get(0);
    moderatorB = moderators.get(1);
    PhotoUploadTest.Pending sighting = PhotoUploadTest.pending();
    JsonPath photo =
        PhotoUploadTest.upload(
                sighting, "image/jpeg", TestImages.plainJpeg(TestImages.landscape(40, 30)))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    href = photo.getString("href");
    photoId = photo.getString("id");
  }

  /**
   * A clean slate with two groups, Montpellier's (A) and Paris's (B), and a moderator of each,
   * logged in: A's then B's.
   */
  static List<ModerationFixtures.Session> moderatorsOfMontpellierAndParis(
      ModerationFixtures fixtures) {
    fixtures.clear();
    long a = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    long b = fixtures.group("Technopolice Paris", ModerationFixtures.TERRITORY_B);
    fixtures.member(fixtures.user("mod-a@test.fr", false), a, "moderator");
    fixtures.member(fixtures.user("mod-b@test.fr", false), b, "moderator");
    return List.of(
        ModerationFixtures.login("mod-a@test.fr"), ModerationFixtures.login("mod-b@test.fr"));
  }

  @Test
  void shouldShowPendingPhotosToTheTerritorysModeratorsOnly() {
    moderatorA.as().get(href).then().statusCode(200).contentType("image/jpeg");
    moderatorB.as().get(href).then().statusCode(404);
    given().get(href).then().statusCode(404);
  }

  @Test
  void shouldLetOnlyTheTerritorysModeratorsEraseAPhotoForGood() {
    given().delete("/api/moderation/photos/" + photoId).then().statusCode(401);
    moderatorB.as().delete("/api/moderation/photos/" + photoId).then().statusCode(403);
    moderatorA.as().delete("/api/moderation/photos/not-a-uuid").then().statusCode(404);
    moderatorA
        .as()
        .queryParam("reason", "Visage reconnaissable")
        .delete("/api/moderation/photos/" + photoId)
        .then()
        .statusCode(204);
    moderatorA.as().get(href).then().statusCode(404);
    long action = fixtures.count("SELECT id FROM moderation_action WHERE action = 'delete_photo'");
    moderatorA
        .as()
        .body("{}")
        .post("/api/moderation/actions/" + action + "/revert")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/irreversible"));
    assertEquals(0, fixtures.count("SELECT count(*) FROM photo"));
  }
}
