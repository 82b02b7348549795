package org.technocarte.safety;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/**
 * Past its burst, an address is refused with 429 and told when to come back. Behind a trusted proxy
 * the address is the one X-Forwarded-For names, so each walker has a bucket of their own.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimitsBehindAProxy.class)
class RateLimitTest {

  public static class LowLimitsBehindAProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "technocarte.rate-limit.submission.burst", "2",
          "technocarte.rate-limit.submission.per-hour", "1",
          "technocarte.rate-limit.confirmation.burst", "1",
          "technocarte.rate-limit.confirmation.per-hour", "1",
          "technocarte.rate-limit.photo.burst", "1",
          "technocarte.rate-limit.photo.per-hour", "60",
          "technocarte.rate-limit.route.burst", "3",
          "technocarte.rate-limit.route.per-hour", "1",
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.allow-x-forwarded", "true");
    }
  }

  static ValidatableResponse submitFrom(String address) {
    return given()
        .header("X-Forwarded-For", address)
        .contentType("application/geo+json")
        .body(SightingFixtures.feature(SightingFixtures.MONTPELLIER_COMEDIE).toString())
        .post("/api/sightings")
        .then();
  }

  static void assertRateLimited(ValidatableResponse answer, long atLeastSeconds) {
    String retryAfter =
        answer
            .statusCode(429)
            .contentType("application/problem+json")
            .body("type", equalTo("/problems/rate-limited"))
            .body("status", equalTo(429))
            .extract()
            .header("Retry-After");
    long seconds = Long.parseLong(retryAfter);
    assertTrue(seconds >= atLeastSeconds, "Retry-After " + seconds + " s");
  }

  @Test
  void shouldRefuseSubmissionsPastTheBurstWithRetryAfter() {
    submitFrom("198.51.100.10").statusCode(201);
    submitFrom("198.51.100.10").statusCode(201);

    // One token an hour: the next one is about an hour away.
    assertRateLimited(submitFrom("198.51.100.10"), 3000);
  }

  @Test
  void shouldGiveEachAddressItsOwnBucket() {
    submitFrom("198.51.100.20").statusCode(201);
    submitFrom("198.51.100.20").statusCode(201);
    submitFrom("198.51.100.20").statusCode(429);

    submitFrom("198.51.100.21").statusCode(201);
  }

  @Test
  void shouldKeyAnIpv6HomeByItsPrefix() {
    submitFrom("2001:db8:aaaa:1::1").statusCode(201);
    submitFrom("2001:db8:aaaa:1::2").statusCode(201);

    submitFrom("2001:db8:aaaa:1:ffff::3").statusCode(429);
  }

  @Test
  void shouldLimitConfirmations() {
    long id =
        SightingFixtures.submitted(SightingFixtures.feature(SightingFixtures.PARIS_REPUBLIQUE));
    // Confirmations are of approved cameras; a pending one answers 404, which is enough here:
    // the limit is taken before the resource method runs.
    given()
        .header("X-Forwarded-For", "198.51.100.30")
        .post("/api/sightings/" + id + "/confirmations")
        .then()
        .statusCode(404);

    assertRateLimited(
        given()
            .header("X-Forwarded-For", "198.51.100.30")
            .post("/api/sightings/" + id + "/confirmations")
            .then(),
        3000);
  }

  @Test
  void shouldLimitPhotoUploads() {
    // No token: 404, but the upload still spent its token.
    given()
        .header("X-Forwarded-For", "198.51.100.40")
        .contentType("image/jpeg")
        .body(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
        .post("/api/sightings/1/photos")
        .then()
        .statusCode(404);

    assertRateLimited(
        given()
            .header("X-Forwarded-For", "198.51.100.40")
            .contentType("image/jpeg")
            .body(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
            .post("/api/sightings/1/photos")
            .then(),
        1);
  }

  static ValidatableResponse routeFrom(String address, String path, String body) {
    return given()
        .header("X-Forwarded-For", address)
        .contentType("application/json")
        .body(body)
        .post("/api/routes/" + path)
        .then();
  }

  @Test
  void shouldLimitRoutesWithOneBucketForBothEndpoints() {
    String line = "{\"type\":\"LineString\",\"coordinates\":[[3.876,43.608],[3.880,43.610]]}";
    routeFrom("198.51.100.60", "exposure", line).statusCode(200);
    routeFrom("198.51.100.60", "exposure", line).statusCode(200);
    // A refused body spends its token too: the limit is taken before the body is read.
    routeFrom("198.51.100.60", "exposure", "{\"type\":\"Point\"}").statusCode(422);

    assertRateLimited(routeFrom("198.51.100.60", "exposure", line), 3000);
    // The least watched way draws from the same bucket, refused before any search.
    assertRateLimited(
        routeFrom(
            "198.51.100.60",
            "least-watched",
            "{\"from\":[3.876,43.608],\"to\":[3.880,43.610],\"maxDetour\":0.2}"),
        3000);
    // Another address still has its own.
    routeFrom("198.51.100.61", "exposure", line).statusCode(200);
  }

  @Test
  void shouldNotLimitReading() {
    for (int i = 0; i < 5; i++) {
      given()
          .header("X-Forwarded-For", "198.51.100.50")
          .get("/api/sightings?bbox=3.87,43.60,3.89,43.62")
          .then()
          .statusCode(200);
    }
  }
}
