package org.technocarte.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** What every test of a database fault checks: the answer, and the log. */
final class DatabaseFaultsTestSupport {

  private DatabaseFaultsTestSupport() {}

  /** A 503 problem of {@code type}, with Retry-After, and nothing internal in it. */
  static ValidatableResponse assertFault(ValidatableResponse answer, String type) {
    return answer
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
        .body("type", equalTo("/problems/" + type))
        .body("status", equalTo(503))
        .body(not(containsString("Exception")))
        .body(not(containsString("SQL")))
        .body(not(containsString("127.0.0.1")))
        .body(not(containsString("sighting s")));
  }

  /** Exactly one log line per failure (the one naming its type), and no stack trace. */
  static void assertOneLineEach(AppLog log, String type, int failures) throws IOException {
    List<String> lines = log.linesSince();
    String all = String.join("\n", lines);
    long answered =
        lines.stream().filter(l -> l.contains("Answered 503 /problems/" + type)).count();
    assertEquals(failures, answered, "one line per failure:\n" + all);
    long warningsOrWorse =
        lines.stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).count();
    assertEquals(failures, warningsOrWorse, "no other warning or error for them:\n" + all);
    assertFalse(all.contains("\tat "), "no stack trace:\n" + all);
  }

  /** A connection of the test's own, beside the app's pool, to the test database. */
  static Connection ownConnection() throws SQLException {
    Config config = ConfigProvider.getConfig();
    return DriverManager.getConnection(
        config.getValue("quarkus.datasource.jdbc.url", String.class),
        config.getValue("quarkus.datasource.username", String.class),
        config.getValue("quarkus.datasource.password", String.class));
  }

  static ValidatableResponse readTheMap() {
    return given().get("/api/sightings?bbox=3.86,43.60,3.89,43.62").then();
  }
}
