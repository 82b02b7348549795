package org.technocarte.route;

import static io.restassured.RestAssured.given;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/** Requests of the route tests: JSON bodies, numbers read as doubles. */
final class Routes {

  private Routes() {}

  static RequestSpecification json() {
    return given()
        .config(
            RestAssuredConfig.config()
                .jsonConfig(
                    JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
        .contentType("application/json");
  }
}
