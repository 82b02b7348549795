package org.technocarte.safety;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every answer carries the page's protections: pages, assets, API answers and API errors. */
@QuarkusTest
class SecurityHeadersTest {

  static final String STRICT_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " connect-src 'self'; worker-src 'self';"
          + " manifest-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none';"
          + " base-uri 'none'; form-action 'self'";

  static void assertProtected(ValidatableResponse answer) {
    answer
        .header("Content-Security-Policy", equalTo(STRICT_CSP))
        .header("Referrer-Policy", equalTo("no-referrer"))
        .header("X-Content-Type-Options", equalTo("nosniff"))
        .header("Permissions-Policy", containsString("geolocation=(self)"))
        .header("Permissions-Policy", containsString("camera=(self)"))
        .header("Permissions-Policy", containsString("microphone=()"))
        .header("Permissions-Policy", containsString("magnetometer=(self)"))
        // Chromium warns on every page about a feature it does not know.
        .header("Permissions-Policy", not(containsString("bluetooth")));
  }

  @Test
  void shouldProtectThePage() {
    assertProtected(given().get("/").then().statusCode(200));
  }

  @Test
  void shouldProtectAStaticAsset() {
    String html = given().get("/").then().extract().asString();
    Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
    org.junit.jupiter.api.Assertions.assertTrue(script.find(), "the page loads a script");
    assertProtected(given().get(script.group(1)).then().statusCode(200));
  }

  @Test
  void shouldProtectAnApiAnswer() {
    assertProtected(
        given().get("/api/sightings?bbox=3.87,43.60,3.89,43.62").then().statusCode(200));
  }

  @Test
  void shouldProtectAnApiError() {
    assertProtected(given().get("/api/sightings/999999999").then().statusCode(404));
    assertProtected(given().get("/no/such/page").then().statusCode(404));
  }

  @Test
  void shouldProtectTheRefusalOfAnOversizedBody() {
    assertProtected(
        given()
            .contentType("application/geo+json")
            .body(new byte[200_000])
            .post("/api/sightings")
            .then()
            .statusCode(413));
  }

  @Test
  void shouldLetOnlySwaggerUiRunInlineScripts() {
    given()
        .get("/q/swagger-ui/")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"));
    given().get("/").then().header("Content-Security-Policy", not(containsString("unsafe-inline")));
  }

  @Test
  void shouldAllowTheTileHostAndNothingElseOfTheTileUrl() {
    assertEquals(
        "https://*.tile.example.org",
        SecurityHeaders.tileSource("https://{s}.tile.example.org/{z}/{x}/{y}.png"));
    assertEquals(
        "http://tiles.local:8081",
        SecurityHeaders.tileSource("http://tiles.local:8081/{z}/{x}/{y}.png"));
    assertEquals("", SecurityHeaders.tileSource("/tiles/{z}/{x}/{y}.png"));
    assertThrows(
        IllegalArgumentException.class,
        () -> SecurityHeaders.tileSource("https://evil.example;script-src *;/{z}/{x}/{y}.png"));
    assertThrows(
        IllegalArgumentException.class, () -> SecurityHeaders.tileSource("javascript:alert(1)"));
  }
}
