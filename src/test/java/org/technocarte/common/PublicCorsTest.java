package org.technocarte.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The open data is readable from any site (CORS), without credentials; accounts, moderation, groups
 * and every write are not.
 */
@QuarkusTest
class PublicCorsTest {

  private static final String ORIGIN = "https://maps.example.org";

  private static final List<String> PUBLIC_READS =
      List.of(
          "/ogc",
          "/ogc/api",
          "/ogc/collections/sightings/items?limit=1",
          "/api/export/sightings.geojson",
          "/api/export/sightings.csv",
          "/tiles/sightings/0/0/0.mvt",
          "/api/sightings?bbox=3.87,43.60,3.89,43.62",
          "/api/stats",
          "/api/cities");

  @Test
  void shouldLetAnySiteReadThePublicDataWithoutCredentials() {
    for (String path : PUBLIC_READS) {
      assertOpen(given().header("Origin", ORIGIN).get(path).then(), path);
    }
    // Errors too, so that a web map can show why its request was refused.
    assertOpen(
        given()
            .header("Origin", ORIGIN)
            .get("/ogc/collections/sightings/items?bbox=1,2,3")
            .then()
            .statusCode(400),
        "a refused bbox");
    assertOpen(given().header("Origin", ORIGIN).head("/ogc").then().statusCode(200), "HEAD");
  }

  @Test
  void shouldAnswerThePreflightOfAPublicRead() {
    for (String path : List.of("/ogc/collections/sightings/items", "/api/export/sightings.csv")) {
      given()
          .header("Origin", ORIGIN)
          .header("Access-Control-Request-Method", "GET")
          .header("Access-Control-Request-Headers", "accept")
          .options(path)
          .then()
          .statusCode(204)
          .header("Access-Control-Allow-Origin", equalTo("*"))
          .header("Access-Control-Allow-Methods", containsString("GET"))
          .header("Access-Control-Allow-Headers", containsString("Accept"))
          .header("Access-Control-Allow-Credentials", nullValue())
          .header("Access-Control-Max-Age", equalTo("86400"));
    }
  }

  @Test
  void shouldNeverOpenAccountsModerationGroupsOrWrites() {
    for (String path : List.of("/api/auth/me", "/api/moderation/queue", "/api/groups", "/")) {
      assertClosed(given().header("Origin", ORIGIN).get(path).then(), "GET " + path);
    }
    assertClosed(
        given()
            .header("Origin", ORIGIN)
            .contentType("application/json")
            .body("{}")
            .post("/api/sightings")
            .then(),
        "POST /api/sightings");
    assertClosed(
        given()
            .header("Origin", ORIGIN)
            .contentType("application/json")
            .body("{}")
            .post("/api/auth/login")
            .then(),
        "POST /api/auth/login");
    for (String[] preflight :
        List.of(
            new String[] {"/api/auth/login", "POST"},
            new String[] {"/api/moderation/queue", "GET"},
            new String[] {"/api/groups", "GET"},
            new String[] {"/api/sightings", "POST"},
            new String[] {"/api/sightings/1", "PATCH"},
            new String[] {"/api/cities/2992166/evidence", "POST"},
            new String[] {"/ogc/collections/sightings/items", "DELETE"})) {
      assertClosed(
          given()
              .header("Origin", ORIGIN)
              .header("Access-Control-Request-Method", preflight[1])
              .options(preflight[0])
              .then(),
          "preflight " + preflight[1] + " " + preflight[0]);
    }
  }

  private static void assertOpen(ValidatableResponse response, String what) {
    var answer = response.extract();
    assertEquals("*", answer.header("Access-Control-Allow-Origin"), what);
    assertNull(answer.header("Access-Control-Allow-Credentials"), what);
  }

  private static void assertClosed(ValidatableResponse response, String what) {
    var answer = response.extract();
    assertNull(answer.header("Access-Control-Allow-Origin"), what);
    assertNull(answer.header("Access-Control-Allow-Methods"), what);
  }
}
