package org.technocarte.safety;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A group that self-hosts its tiles gets its own tile host, and only it, into img-src. */
@QuarkusTest
@TestProfile(TileHostHeaderTest.SelfHostedTiles.class)
class TileHostHeaderTest {

  public static class SelfHostedTiles implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "technocarte.map.tile-url", "https://{s}.tuiles.technopolice.example/{z}/{x}/{y}.png");
    }
  }

  @Test
  void shouldAllowImagesFromTheConfiguredTileHost() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .header(
            "Content-Security-Policy",
            containsString("img-src 'self' data: blob: https://*.tuiles.technopolice.example;"))
        .header("Content-Security-Policy", not(containsString("openstreetmap")));
    given()
        .get("/api/config")
        .then()
        .body(
            "tileUrl",
            org.hamcrest.Matchers.equalTo(
                "https://{s}.tuiles.technopolice.example/{z}/{x}/{y}.png"));
  }
}
