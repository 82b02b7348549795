package org.technocarte.city;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The map's city search, over the gazetteer shipped with the app. */
@QuarkusTest
class PlaceSearchTest {

  @Test
  void shouldFindACityByTheBeginningOfItsNameBiggestFirst() {
    given()
        .get("/api/places?q=montp")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .header("Cache-Control", containsString("max-age"))
        .body("[0].code", equalTo("2992166"))
        .body("[0].name", equalTo("Montpellier"))
        .body("[0].country", equalTo("FR"))
        .body("size()", lessThanOrEqualTo(8));
  }

  @Test
  void shouldIgnoreAccentsCaseAndFindAWordInsideTheName() {
    given()
        .get("/api/places?q=BEZIERS")
        .then()
        .statusCode(200)
        .body("[0].name", equalTo("Béziers"));
    given()
        .get("/api/places?q=jean de v&limit=20")
        .then()
        .statusCode(200)
        .body("name", hasItem("Saint-Jean-de-Védas"));
  }

  @Test
  void shouldPutFrenchPlacesFirst() {
    // Paris, Texas is smaller anyway; Valence (Drôme) must come before Valencia (Spain).
    given()
        .get("/api/places?q=valenc&limit=3")
        .then()
        .statusCode(200)
        .body("[0].country", equalTo("FR"))
        .body("[0].name", equalTo("Valence"));
  }

  @Test
  void shouldAnswerEmptyWhenNothingMatches() {
    given().get("/api/places?q=zzqqxx").then().statusCode(200).body("$", hasSize(0));
  }

  @Test
  void shouldRefuseAMissingTextOrALimitOutOfRange() {
    given()
        .get("/api/places")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", everyItem(equalTo("q")));
    given()
        .get("/api/places?q=ab&limit=500")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
    given().queryParam("q", "  - ").get("/api/places").then().statusCode(400);
  }
}
