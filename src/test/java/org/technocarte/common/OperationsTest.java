package org.technocarte.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_GARE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.submit;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

@QuarkusTest
class OperationsTest {

  private static final String USER_AGENT = "MetricsProbe/" + UUID.randomUUID();
  private static final String FORWARDED_FOR = "203.0.113.91";

  private final SightingFixtures sightings;

  OperationsTest(SightingFixtures sightings) {
    this.sightings = sightings;
  }

  @Test
  void shouldBeReadyWhenTheDatabaseAnswersAndSayNothingElse() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks", hasSize(1))
        .body("checks[0].name", equalTo("database"))
        .body("checks[0].status", equalTo("UP"))
        .body("checks[0].data", nullValue());
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void shouldAnswerUnknownPathsAndMethodsAsProblemsWithoutInternals() {
    given()
        .get("/api/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body(not(containsString("Exception")));
    given()
        .delete("/api/sightings/1")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body(not(containsString("at org.")));
  }

  @Test
  void shouldServePrometheusMetricsByRouteWithoutClientDetails() throws Exception {
    long approved = sightings.approved(feature(MONTPELLIER_COMEDIE));
    submit(feature(MONTPELLIER_GARE)).statusCode(201);
    asAClient().get("/api/sightings/" + approved).then().statusCode(200);
    asAClient().get("/api/sightings/987654321").then().statusCode(404);
    asAClient().get("/api/sightings?bbox=3.86,43.60,3.89,43.62").then().statusCode(200);
    // No method matches: Quarkus has no template for it, the label must not keep the id either.
    asAClient().delete("/api/sightings/876543219").then().statusCode(405);

    String metrics = scrape();
    for (String name :
        List.of(
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum",
            "agroal_active_count",
            "agroal_available_count",
            "agroal_awaiting_count",
            "technocarte_export_slots_in_use",
            "technocarte_export_slots_max",
            "technocarte_sightings_pending",
            "technocarte_moderation_queue_oldest_seconds")) {
      assertTrue(
          metrics.contains(name + "{") || metrics.contains(name + " "), name + ":\n" + metrics);
    }
    // Routes are templated: one series per route, never one per id.
    assertTrue(metrics.contains("uri=\"/api/sightings/{id}\""), "the route template is the label");
    assertFalse(metrics.contains("987654321"), "no raw id in a label:\n" + metrics);
    assertFalse(metrics.contains("876543219"), "no raw id in a label:\n" + metrics);
    assertFalse(metrics.contains("/api/sightings/" + approved + "\""), "no raw id in a label");
    for (String personal : List.of(USER_AGENT, "MetricsProbe", FORWARDED_FOR, "127.0.0.1")) {
      assertFalse(metrics.contains(personal), "the metrics show " + personal);
    }
    assertEquals(0.0, gauge(metrics, "technocarte_export_slots_in_use"));

    // The queue is counted off the scrape, at most every few seconds: wait for a count.
    long pending = sightings.countWithStatus("pending");
    double counted = Double.NaN;
    for (int i = 0; i < 100 && counted != pending; i++) {
      counted = gauge(scrape(), "technocarte_sightings_pending");
      if (counted != pending) {
        Thread.sleep(100);
      }
    }
    assertEquals(pending, counted, "pending sightings, as counted for the metrics");
  }

  private static io.restassured.specification.RequestSpecification asAClient() {
    return given().header("User-Agent", USER_AGENT).header("X-Forwarded-For", FORWARDED_FOR);
  }

  private static String scrape() {
    return given()
        .accept("text/plain")
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/plain"))
        .extract()
        .asString();
  }

  private static double gauge(String metrics, String name) {
    Matcher value =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$")
            .matcher(metrics);
    assertTrue(value.find(), name + " in:\n" + metrics);
    return Double.parseDouble(value.group(1));
  }
}
