package org.technocarte.photo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;

/**
 * Moderators cover the faces, plates and windows of a pending photo instead of erasing it: the
 * server fills the boxes, re-encodes, and keeps no original.
 */
@QuarkusTest
class PhotoRedactionTest {

  /** A box aligned on JPEG's 16-pixel blocks, in the middle of a 400×300 photo. */
  private static final String FACE = "{\"x\":96,\"y\":64,\"width\":128,\"height\":96}";

  @Inject ModerationFixtures fixtures;
  @Inject PhotoStore store;

  private ModerationFixtures.Session moderatorA;
  private ModerationFixtures.Session moderatorB;
  private PhotoUploadTest.Pending sighting;
  private String photoId;

  @BeforeEach
  void aPendingPhotoInMontpellier() {
    List<ModerationFixtures.Session> moderators =
        PhotoModerationTest.moderatorsOfMontpellierAndParis(fixtures);
    moderatorA = moderators.get(0);
    moderatorB = moderators.get(1);
    sighting = PhotoUploadTest.pending();
    photoId =
        PhotoUploadTest.upload(sighting, "image/jpeg", TestImages.plainJpeg(street(400, 300)))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getString("id");
  }

  @Test
  void shouldCoverTheBoxesAndKeepNoOriginal() {
    JsonPath covered =
        moderatorA
            .as()
            .body("{\"boxes\":[" + FACE + "],\"reason\":\"Visage reconnaissable\"}")
            .post(redaction(photoId))
            .then()
            .statusCode(200)
            .body("width", equalTo(400))
            .body("height", equalTo(300))
            .extract()
            .jsonPath();
    String newId = covered.getString("id");
    assertNotEquals(photoId, newId, "the covered photo has an address of its own");

    BufferedImage full =
        TestImages.decode(store.get(UUID.fromString(newId), PhotoStore.Variant.FULL).orElseThrow());
    assertTrue(spread(full, 98, 66, 222, 158) <= 8, "inside the box every pixel is the same");
    assertTrue(spread(full, 0, 0, 90, 60) > 100, "outside the box the photo is still there");
    BufferedImage thumb =
        TestImages.decode(
            store.get(UUID.fromString(newId), PhotoStore.Variant.THUMBNAIL).orElseThrow());
    double scale = thumb.getWidth() / 400.0;
    // JPEG rings near the edges of a box that does not fall on its 8-pixel blocks: look inside.
    int margin = 8;
    assertTrue(
        spread(
                thumb,
                (int) (96 * scale) + margin,
                (int) (64 * scale) + margin,
                (int) (224 * scale) - margin,
                (int) (160 * scale) - margin)
            <= 8,
        "the thumbnail is covered too");

    assertTrue(store.get(UUID.fromString(photoId), PhotoStore.Variant.FULL).isEmpty());
    assertTrue(store.get(UUID.fromString(photoId), PhotoStore.Variant.THUMBNAIL).isEmpty());
    assertEquals(1, fixtures.count("SELECT count(*) FROM photo"));
    PhotoUploadTest.assertNoMetadata(
        "the covered photo", PhotoUploadTest.fetch(sighting, covered.getString("href")));
    given()
        .header("X-Edit-Token", sighting.token())
        .get("/api/sightings/" + sighting.id() + "/photos/" + photoId)
        .then()
        .statusCode(404);
  }

  @Test
  void shouldLogTheCoveringWhichCannotBeReverted() {
    moderatorA
        .as()
        .body("{\"boxes\":[" + FACE + "],\"reason\":\"Plaque\"}")
        .post(redaction(photoId))
        .then()
        .statusCode(200);
    moderatorA
        .as()
        .get("/api/moderation/sightings/" + sighting.id() + "/history")
        .then()
        .statusCode(200)
        .body("action", hasItem("redact_photo"))
        .body(
            "find { it.action == 'redact_photo' }.reason",
            org.hamcrest.Matchers.endsWith(": Plaque"))
        .body("find { it.action == 'redact_photo' }.actor", not(equalTo(null)));
    long action = fixtures.count("SELECT id FROM moderation_action WHERE action = 'redact_photo'");
    moderatorA
        .as()
        .body("{}")
        .post("/api/moderation/actions/" + action + "/revert")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/irreversible"));
  }

  @Test
  void shouldRefuseWhoMayNotCover() {
    given()
        .contentType("application/json")
        .body("{\"boxes\":[" + FACE + "]}")
        .post(redaction(photoId))
        .then()
        .statusCode(401);
    moderatorB
        .as()
        .body("{\"boxes\":[" + FACE + "]}")
        .post(redaction(photoId))
        .then()
        .statusCode(403);
    moderatorA
        .as()
        .body("{\"boxes\":[" + FACE + "]}")
        .post(redaction(UUID.randomUUID().toString()))
        .then()
        .statusCode(404);
    moderatorA
        .as()
        .body("{\"boxes\":[" + FACE + "]}")
        .post(redaction("not-a-uuid"))
        .then()
        .statusCode(404);
    assertUntouched();
  }

  @Test
  void shouldRefuseThePhotoOfAnApprovedSighting() {
    fixtures.execute("UPDATE sighting SET status = 'approved' WHERE id = " + sighting.id());
    moderatorA
        .as()
        .body("{\"boxes\":[" + FACE + "]}")
        .post(redaction(photoId))
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/not-pending"));
    assertUntouched();
  }

  @Test
  void shouldRefuseBoxesOutsideThePhotoEmptyOrTooMany() {
    refused(
        "{\"boxes\":[{\"x\":300,\"y\":10,\"width\":120,\"height\":20}]}",
        "boxes[0].width",
        "out-of-range");
    refused(
        "{\"boxes\":[{\"x\":10,\"y\":250,\"width\":20,\"height\":51}]}",
        "boxes[0].height",
        "out-of-range");
    refused(
        "{\"boxes\":[" + FACE + ",{\"x\":-1,\"y\":0,\"width\":5,\"height\":5}]}",
        "boxes[1].x",
        "out-of-range");
    refused(
        "{\"boxes\":[{\"x\":0,\"y\":400,\"width\":5,\"height\":5}]}", "boxes[0].y", "out-of-range");
    refused(
        "{\"boxes\":[{\"x\":0,\"y\":0,\"width\":0,\"height\":5}]}",
        "boxes[0].width",
        "out-of-range");
    refused("{\"boxes\":[{\"x\":0,\"y\":0,\"width\":5}]}", "boxes[0].height", "required");
    refused("{\"boxes\":[]}", "boxes", "required");
    refused("{}", "boxes", "required");
    refused(
        "{\"boxes\":[" + (FACE + ",").repeat(Redaction.MAX_BOXES) + FACE + "]}",
        "boxes",
        "out-of-range");
    refused(
        "{\"boxes\":[" + FACE + "],\"reason\":\"" + "x".repeat(801) + "\"}", "reason", "length");
    assertUntouched();
  }

  @Test
  void shouldRefuseMalformedJson() {
    moderatorA
        .as()
        .body("{\"boxes\":[{\"x\":1,}]}")
        .post(redaction(photoId))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed-json"));
    moderatorA.as().body("{\"boxes\":[{\"x\":1,").post(redaction(photoId)).then().statusCode(400);
    moderatorA
        .as()
        .body("{\"boxes\":{\"x\":1}}")
        .post(redaction(photoId))
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.startsWith("boxes"));
    assertUntouched();
  }

  private void refused(String body, String field, String code) {
    moderatorA
        .as()
        .body(body)
        .post(redaction(photoId))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.find { it.field == '" + field + "' }.code", equalTo(code));
  }

  /** The original is still served, whole, and nothing was logged. */
  private void assertUntouched() {
    BufferedImage full =
        TestImages.decode(
            store.get(UUID.fromString(photoId), PhotoStore.Variant.FULL).orElseThrow());
    assertTrue(spread(full, 98, 66, 222, 158) > 100, "the original is unchanged");
    assertEquals(0, fixtures.count("SELECT count(*) FROM moderation_action"));
    assertEquals(1, fixtures.count("SELECT count(*) FROM photo"));
  }

  private static String redaction(String id) {
    return "/api/moderation/photos/" + id + "/redaction";
  }

  /** A street scene of sorts: stripes of many colours, so that no region of it is uniform. */
  static BufferedImage street(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    for (int x = 0; x < width; x += 10) {
      for (int y = 0; y < height; y += 10) {
        g.setColor(new Color((x * 7) % 256, (y * 5) % 256, ((x + y) * 3) % 256));
        g.fillRect(x, y, 10, 10);
      }
    }
    g.dispose();
    return image;
  }

  /** The largest difference of one colour channel between two pixels of a region. */
  static int spread(BufferedImage image, int x0, int y0, int x1, int y1) {
    int[] min = {255, 255, 255};
    int[] max = {0, 0, 0};
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int rgb = image.getRGB(x, y);
        for (int c = 0; c < 3; c++) {
          int v = (rgb >> (16 - 8 * c)) & 0xFF;
          min[c] = Math.min(min[c], v);
          max[c] = Math.max(max[c], v);
        }
      }
    }
    int spread = 0;
    for (int c = 0; c < 3; c++) {
      spread = Math.max(spread, max[c] - min[c]);
    }
    return spread;
  }
}
