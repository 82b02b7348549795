package org.technocarte.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The front end built by npm is served by Quarkus, and a deploy reaches users at once. */
@QuarkusTest
class FrontendServedTest {

  @Test
  void shouldServeTheAppShellRevalidatedOnEveryVisit() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .header("Cache-Control", equalTo("no-cache"))
        .body(containsString("Technocarte"));
    given().get("/index.html").then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
  }

  @Test
  void shouldServeTheModerationPageRevalidatedToo() {
    given()
        .get("/moderation/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .header("Cache-Control", equalTo("no-cache"))
        .body(containsString("id=\"queue\""));
  }

  @Test
  void shouldServeTheStatisticsPageRevalidatedToo() {
    given()
        .get("/stats/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .header("Cache-Control", equalTo("no-cache"))
        .body(containsString("id=\"content\""));
    given()
        .get("/stats/index.html")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("no-cache"));
  }

  @Test
  void shouldServeTheGuideRevalidatedAndLeadItsShortAddressThere() {
    given()
        .get("/guide/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .header("Cache-Control", equalTo("no-cache"))
        .body(containsString("id=\"guide\""));
    given()
        .redirects()
        .follow(false)
        .get("/guide")
        .then()
        .statusCode(301)
        .header("Location", org.hamcrest.Matchers.endsWith("/guide/"));
  }

  @Test
  void shouldServeTheCityPagesAtTheirOwnAddresses() {
    for (String path : List.of("/cities/", "/cities/2992166", "/cities/2996944/")) {
      given()
          .redirects()
          .follow(false)
          .get(path)
          .then()
          .statusCode(200)
          .contentType(containsString("text/html"))
          .header("Cache-Control", equalTo("no-cache"))
          .header("Content-Security-Policy", containsString("script-src 'self';"))
          .body(containsString("id=\"content\""));
    }
    // A code that the gazetteer does not know: the same page, which says so, with 404.
    given()
        .get("/cities/0000")
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"))
        .body(containsString("id=\"content\""));
  }

  @Test
  void shouldLetAnInstalledAppSeeANewVersionAtOnce() {
    given()
        .get("/sw.js")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("no-cache"))
        .body(containsString("PRECACHE"));
    given()
        .get("/manifest.webmanifest")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("no-cache"));
  }

  @Test
  void shouldLetBrowsersKeepHashedAssets() {
    String html = given().get("/").then().extract().asString();
    java.util.regex.Matcher script =
        java.util.regex.Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
    org.junit.jupiter.api.Assertions.assertTrue(script.find(), "the shell loads a bundled script");
    given()
        .get(script.group(1))
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("immutable"));
  }
}
