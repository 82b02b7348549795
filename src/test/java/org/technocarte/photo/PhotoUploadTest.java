package org.technocarte.photo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;
import org.technocarte.sighting.SightingFixtures;

/** Photos go in with everything a phone writes into them and come out as pixels only. */
@QuarkusTest
class PhotoUploadTest {

  /** What metadata-extractor names the directories that give a walker away. */
  private static final List<String> REVEALING =
      List.of(
          "GPS",
          "Exif IFD0",
          "Exif SubIFD",
          "Exif Thumbnail",
          "XMP",
          "IPTC",
          "Photoshop",
          "ICC Profile",
          "JFIF",
          "PNG-tEXt");

  @Inject SightingFixtures sightings;
  @Inject PhotoService photos;
  @Inject ModerationFixtures moderation;
  @Inject PhotoStore store;

  /** A pending sighting and its edit token. */
  record Pending(long id, String token) {}

  static Pending pending() {
    JsonPath answer =
        SightingFixtures.submit(SightingFixtures.feature(SightingFixtures.MONTPELLIER_COMEDIE))
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Pending(answer.getLong("id"), answer.getString("properties.editToken"));
  }

  static Response upload(Pending sighting, String type, byte[] body) {
    return given()
        .header("X-Edit-Token", sighting.token())
        .contentType(type)
        .body(body)
        .post("/api/sightings/" + sighting.id() + "/photos");
  }

  static byte[] fetch(Pending sighting, String href) {
    return given()
        .header("X-Edit-Token", sighting.token())
        .get(href)
        .then()
        .statusCode(200)
        .contentType("image/jpeg")
        .extract()
        .asByteArray();
  }

  /** What the configured store holds, read through it: the same check for both stores. */
  byte[] stored(String id, PhotoStore.Variant variant) {
    return store.get(UUID.fromString(id), variant).orElseThrow();
  }

  static void assertNoMetadata(String what, byte[] jpeg) {
    List<String> found = TestImages.directories(jpeg);
    for (String revealing : REVEALING) {
      assertFalse(found.contains(revealing), what + " still has " + revealing + ": " + found);
    }
    String text = new String(jpeg, StandardCharsets.ISO_8859_1);
    for (String word :
        List.of(
            TestImages.MAKE,
            TestImages.MODEL,
            TestImages.XMP_WORD,
            TestImages.IPTC_WORD,
            TestImages.PNG_TEXT_WORD,
            "Exif",
            "http://ns.adobe.com")) {
      assertFalse(text.contains(word), what + " still contains " + word);
    }
  }

  @Test
  void shouldServeAndStoreAPhonePhotoWithoutAnyOfItsMetadata() throws Exception {
    byte[] phone = TestImages.phoneJpeg(TestImages.landscape(1200, 800), 1);
    List<String> sent = TestImages.directories(phone);
    assertTrue(
        sent.containsAll(List.of("GPS", "Exif IFD0", "XMP", "IPTC")),
        "the test photo carries what a phone writes: " + sent);
    Pending sighting = pending();

    JsonPath photo =
        upload(sighting, "image/jpeg", phone)
            .then()
            .statusCode(201)
            .body("width", equalTo(1200))
            .body("height", equalTo(800))
            .extract()
            .jsonPath();

    byte[] served = fetch(sighting, photo.getString("href"));
    byte[] thumbnail = fetch(sighting, photo.getString("thumbnailHref"));
    assertNoMetadata("the served photo", served);
    assertNoMetadata("the thumbnail", thumbnail);
    assertEquals(1200, TestImages.decode(served).getWidth());
    assertEquals(320, TestImages.decode(thumbnail).getWidth());
    assertEquals(213, TestImages.decode(thumbnail).getHeight());
    String id = photo.getString("id");
    assertNoMetadata("the stored photo", stored(id, PhotoStore.Variant.FULL));
    assertNoMetadata("the stored thumbnail", stored(id, PhotoStore.Variant.THUMBNAIL));
  }

  @Test
  void shouldTurnAPhotoUprightAsItsOrientationSays() {
    // Orientation 6: the camera was held upright, the sensor wrote the picture lying on its side.
    byte[] sideways = TestImages.phoneJpeg(TestImages.landscape(600, 400), 6);
    Pending sighting = pending();

    JsonPath photo =
        upload(sighting, "image/jpeg", sideways)
            .then()
            .statusCode(201)
            .body("width", equalTo(400))
            .body("height", equalTo(600))
            .extract()
            .jsonPath();

    BufferedImage upright = TestImages.decode(fetch(sighting, photo.getString("href")));
    assertEquals(400, upright.getWidth());
    assertEquals(600, upright.getHeight());
    // Turned 90° clockwise: the red left half is now on top, the blue right half below.
    assertTrue(isRed(upright.getRGB(200, 100)), "red on top");
    assertTrue(isBlue(upright.getRGB(200, 500)), "blue below");
  }

  @Test
  void shouldDropTheTextChunksOfAPng() {
    byte[] png = TestImages.pngWithText(TestImages.landscape(300, 200));
    assertTrue(
        new String(png, StandardCharsets.ISO_8859_1).contains(TestImages.PNG_TEXT_WORD),
        "the test PNG carries its text");
    Pending sighting = pending();

    JsonPath photo = upload(sighting, "image/png", png).then().statusCode(201).extract().jsonPath();

    byte[] served = fetch(sighting, photo.getString("href"));
    assertNoMetadata("the photo from a PNG", served);
    assertEquals(300, TestImages.decode(served).getWidth());
  }

  @Test
  void shouldDropTheExifOfAWebp() {
    byte[] webp = TestImages.webpWithExif();
    assertTrue(TestImages.directories(webp).contains("GPS"), "the test WebP carries GPS");
    Pending sighting = pending();

    JsonPath photo =
        upload(sighting, "image/webp", webp)
            .then()
            .statusCode(201)
            .body("width", equalTo(64))
            .body("height", equalTo(48))
            .extract()
            .jsonPath();

    assertNoMetadata("the photo from a WebP", fetch(sighting, photo.getString("href")));
  }

  @Test
  void shouldRefuseAFileThatLiesAboutItsType() {
    Pending sighting = pending();
    byte[] text = "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8);
    byte[] png = TestImages.pngWithText(TestImages.landscape(30, 20));

    upload(sighting, "image/jpeg", text)
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/unsupported-image"));
    upload(sighting, "image/jpeg", png).then().statusCode(415);
    upload(sighting, "text/plain", TestImages.plainJpeg(TestImages.landscape(30, 20)))
        .then()
        .statusCode(415);
    photosOf(sighting).body("photos", hasSize(0));
  }

  @Test
  void shouldTakeTheTypeFromTheBytesWhenNoneIsDeclared() {
    upload(
            pending(),
            "application/octet-stream",
            TestImages.plainJpeg(TestImages.landscape(30, 20)))
        .then()
        .statusCode(201);
  }

  @Test
  void shouldRefuseADecompressionBombFromItsHeaderAlone() {
    byte[] bomb = TestImages.pngBomb(50_000, 50_000);
    Pending sighting = pending();

    // Twice: the first call also pays for loading the image classes.
    for (String call : List.of("first", "second")) {
      long start = System.nanoTime();
      upload(sighting, "image/png", bomb)
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/image-too-large"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "A %d-byte PNG declaring 50000×50000 pixels was refused in %d ms (%s call)%n",
          bomb.length, millis, call);
    }
    photosOf(sighting).body("photos", hasSize(0));
  }

  @Test
  void shouldRefuseAnUndecodableImage() {
    byte[] broken = new byte[2000];
    broken[0] = (byte) 0xFF;
    broken[1] = (byte) 0xD8;
    broken[2] = (byte) 0xFF;
    upload(pending(), "image/jpeg", broken)
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/unreadable-image"))
        .body(not(containsString("Exception")));
  }

  @Test
  void shouldRefuseAPhotoOverTheSizeCap() {
    int max = ConfigProvider.getConfig().getValue("technocarte.photos.max-bytes", Integer.class);
    byte[] huge = new byte[max + 1];
    huge[0] = (byte) 0xFF;
    huge[1] = (byte) 0xD8;
    huge[2] = (byte) 0xFF;

    upload(pending(), "image/jpeg", huge)
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseAFourthPhoto() {
    Pending sighting = pending();
    byte[] jpeg = TestImages.plainJpeg(TestImages.landscape(40, 30));
    for (int i = 0; i < 3; i++) {
      upload(sighting, "image/jpeg", jpeg).then().statusCode(201);
    }

    upload(sighting, "image/jpeg", jpeg)
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/too-many-photos"));
    photosOf(sighting).body("photos", hasSize(3)).body("maxPhotos", equalTo(3));
  }

  @Test
  void shouldShowPhotosOfAPendingSightingToItsTokenHolderOnly() {
    Pending sighting = pending();
    String href =
        upload(sighting, "image/jpeg", TestImages.plainJpeg(TestImages.landscape(40, 30)))
            .then()
            .statusCode(201)
            .header("Cache-Control", containsString("no-store"))
            .extract()
            .path("href");

    given().get(href).then().statusCode(404).contentType("application/problem+json");
    given().get(href + "/thumbnail").then().statusCode(404);
    given().header("X-Edit-Token", "not-the-token").get(href).then().statusCode(404);
    given().get("/api/sightings/" + sighting.id() + "/photos").then().statusCode(404);
    given()
        .header("X-Edit-Token", sighting.token())
        .get(href)
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("no-store"));
  }

  @Test
  void shouldLetTheWalkerRemoveAPhotoOfTheirPendingSightingOnly() {
    Pending sighting = pending();
    String id =
        upload(sighting, "image/jpeg", TestImages.plainJpeg(TestImages.landscape(40, 30)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String href = "/api/sightings/" + sighting.id() + "/photos/" + id;

    given().delete(href).then().statusCode(404).contentType("application/problem+json");
    given().header("X-Edit-Token", "not-the-token").delete(href).then().statusCode(404);
    given()
        .header("X-Edit-Token", sighting.token())
        .delete("/api/sightings/" + sighting.id() + "/photos/" + UUID.randomUUID())
        .then()
        .statusCode(404);
    given().header("X-Edit-Token", sighting.token()).delete(href).then().statusCode(204);

    given().header("X-Edit-Token", sighting.token()).get(href).then().statusCode(404);
    assertTrue(store.get(UUID.fromString(id), PhotoStore.Variant.FULL).isEmpty(), "file gone");
    given()
        .header("X-Edit-Token", sighting.token())
        .get("/api/sightings/" + sighting.id() + "/photos")
        .then()
        .body("photos", hasSize(0));

    String kept =
        upload(sighting, "image/jpeg", TestImages.plainJpeg(TestImages.landscape(40, 30)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    sightings.setStatus(sighting.id(), "approved");
    given()
        .header("X-Edit-Token", sighting.token())
        .delete("/api/sightings/" + sighting.id() + "/photos/" + kept)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void shouldShowPhotosOfAnApprovedSightingToAnyoneAndTakeNoMore() {
    Pending sighting = pending();
    byte[] jpeg = TestImages.plainJpeg(TestImages.landscape(40, 30));
    String href =
        upload(sighting, "image/jpeg", jpeg).then().statusCode(201).extract().path("href");
    sightings.setStatus(sighting.id(), "approved");

    given()
        .get(href)
        .then()
        .statusCode(200)
        .header("Cache-Control", not(containsString("private")));
    given()
        .get("/api/sightings/" + sighting.id() + "/photos")
        .then()
        .statusCode(200)
        .body("photos", hasSize(1));
    upload(sighting, "image/jpeg", jpeg)
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/not-pending"));
  }

  @Test
  void shouldDeleteAPhotoAndItsFilesForGood() {
    // The site admin below is made afresh: this test runs twice (under both stores) on one
    // database.
    moderation.clear();
    Pending sighting = pending();
    JsonPath photo =
        upload(sighting, "image/jpeg", TestImages.plainJpeg(TestImages.landscape(40, 30)))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String id = photo.getString("id");
    stored(id, PhotoStore.Variant.FULL);
    stored(id, PhotoStore.Variant.THUMBNAIL);

    moderation.user("site-photos@test.fr", true);
    ModerationFixtures.login("site-photos@test.fr")
        .as()
        .queryParam("reason", "A face is recognisable")
        .delete("/api/moderation/photos/" + id)
        .then()
        .statusCode(204);
    assertEquals(
        1,
        moderation.count(
            "SELECT count(*) FROM moderation_action WHERE action = 'delete_photo'"
                + " AND reason = 'photo "
                + id
                + ": A face is recognisable'"));

    given()
        .header("X-Edit-Token", sighting.token())
        .get(photo.getString("href"))
        .then()
        .statusCode(404);
    assertTrue(store.get(UUID.fromString(id), PhotoStore.Variant.FULL).isEmpty());
    assertTrue(store.get(UUID.fromString(id), PhotoStore.Variant.THUMBNAIL).isEmpty());
    photosOf(sighting).body("photos", hasSize(0));
  }

  @Test
  void shouldRefuseAnUploadWithoutTheToken() {
    Pending sighting = pending();
    given()
        .contentType("image/jpeg")
        .body(TestImages.plainJpeg(TestImages.landscape(40, 30)))
        .post("/api/sightings/" + sighting.id() + "/photos")
        .then()
        .statusCode(404);
    given().get("/api/sightings/" + sighting.id() + "/photos/not-a-uuid").then().statusCode(404);
  }

  private static io.restassured.response.ValidatableResponse photosOf(Pending sighting) {
    return given()
        .header("X-Edit-Token", sighting.token())
        .get("/api/sightings/" + sighting.id() + "/photos")
        .then()
        .statusCode(200);
  }

  private static boolean isRed(int rgb) {
    return ((rgb >> 16) & 0xFF) > 200 && (rgb & 0xFF) < 60;
  }

  private static boolean isBlue(int rgb) {
    return (rgb & 0xFF) > 200 && ((rgb >> 16) & 0xFF) < 60;
  }
}
