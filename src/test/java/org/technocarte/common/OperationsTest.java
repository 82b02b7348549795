package org.technocarte.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

  @Test
  void shouldBeReadyWhenTheDatabaseAnswers() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Database connections health check"));
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
}
