package org.technocarte.city;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.technocarte.moderation.ModerationFixtures;
import org.technocarte.moderation.ModerationFixtures.Session;

/**
 * A city's VSA evidence: read by anyone, written by the moderators of the groups whose territory
 * covers the city, every change logged, every refusal leaving nothing behind.
 */
@QuarkusTest
class CityEvidenceTest {

  /** GeoNames codes of the gazetteer; Montpellier lies in group A's territory, Lyon in none. */
  static final String MONTPELLIER = "2992166";

  static final String LYON = "2996944";
  static final String UNKNOWN_CITY = "0000";

  private final ModerationFixtures fixtures;
  private Session modA;
  private Session modB;
  private Session adminA;
  private Session site;

  CityEvidenceTest(ModerationFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void twoGroups() {
    fixtures.clear();
    long groupA = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    long groupB = fixtures.group("Technopolice Paris", ModerationFixtures.TERRITORY_B);
    fixtures.member(fixtures.user("mod-a@test.fr", false), groupA, "moderator");
    fixtures.member(fixtures.user("mod-b@test.fr", false), groupB, "admin");
    fixtures.member(fixtures.user("admin-a@test.fr", false), groupA, "admin");
    fixtures.user("site@test.fr", true);
    modA = ModerationFixtures.login("mod-a@test.fr");
    modB = ModerationFixtures.login("mod-b@test.fr");
    adminA = ModerationFixtures.login("admin-a@test.fr");
    site = ModerationFixtures.login("site@test.fr");
  }

  static Map<String, Object> deliberation() {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "council_deliberation");
    body.put("title", "Délibération sur la vidéosurveillance algorithmique");
    body.put("publishedOn", "2024-06-27");
    body.put("url", "https://www.montpellier.fr/deliberations/2024-06-27.pdf");
    body.put("note", "Achat de Briefcam, 2 ans");
    return body;
  }

  static String evidence(String city) {
    return "/api/cities/" + city + "/evidence";
  }

  private long added(Session as, String city, Map<String, Object> body) {
    return as.as()
        .body(body)
        .post(evidence(city))
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  private long stored() {
    return fixtures.count("SELECT count(*) FROM city_evidence");
  }

  private long logged(String action) {
    return fixtures.count(
        "SELECT count(*) FROM city_evidence_action WHERE action = '" + action + "'");
  }

  @Test
  void shouldShowEveryCityOfTheGazetteerEvenWithoutCameras() {
    given()
        .get("/api/cities/" + LYON)
        .then()
        .statusCode(200)
        .body("code", equalTo(LYON))
        .body("name", equalTo("Lyon"))
        .body("cameras", equalTo(0))
        .body("vsaShare", equalTo(0f))
        .body("evidence", equalTo(List.of()))
        .body("canEdit", equalTo(false));
    given()
        .get("/api/cities/" + UNKNOWN_CITY)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldLetAModeratorOfTheCoveringGroupAddEvidenceThatAnyoneThenReads() {
    Response created = modA.as().body(deliberation()).post(evidence(MONTPELLIER));
    created
        .then()
        .statusCode(201)
        .header(
            "Location", endsWith(evidence(MONTPELLIER) + "/" + created.jsonPath().getLong("id")))
        .body("kind", equalTo("council_deliberation"))
        .body("publishedOn", equalTo("2024-06-27"))
        .body("version", equalTo(0));
    given()
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .body("note", containsString("Briefcam"));

    given()
        .get("/api/cities/" + MONTPELLIER)
        .then()
        .statusCode(200)
        .body(
            "evidence.title",
            equalTo(List.of("Délibération sur la vidéosurveillance algorithmique")))
        .body("evidence[0].url", equalTo("https://www.montpellier.fr/deliberations/2024-06-27.pdf"))
        .body("canEdit", equalTo(false));
    modA.as()
        .get("/api/cities/" + MONTPELLIER)
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("no-store"))
        .header("Cache-Control", containsString("private"))
        .body("canEdit", equalTo(true));
    modB.as().get("/api/cities/" + MONTPELLIER).then().body("canEdit", equalTo(false));
    assertEquals(1, logged("create"));
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM city_evidence e JOIN app_user u ON u.id = e.created_by"
                + " WHERE u.email = 'mod-a@test.fr' AND e.updated_by = e.created_by"));
  }

  @Test
  void shouldListACityDocumentedBeforeAnyCameraWasMapped() {
    added(site, LYON, deliberation());
    given()
        .get("/api/cities")
        .then()
        .statusCode(200)
        .body("code", hasItem(LYON))
        .body("find { it.code == '" + LYON + "' }.cameras", equalTo(0))
        .body("find { it.code == '" + LYON + "' }.name", equalTo("Lyon"));
  }

  @Test
  void shouldListTheNewestEvidenceFirst() {
    Map<String, Object> older = deliberation();
    older.put("publishedOn", "2019-01-10");
    older.put("title", "Older");
    Map<String, Object> newer = deliberation();
    newer.put("publishedOn", "2025-02-01");
    newer.put("title", "Newer");
    newer.put("kind", "press");
    added(modA, MONTPELLIER, older);
    added(modA, MONTPELLIER, newer);
    given()
        .get("/api/cities/" + MONTPELLIER)
        .then()
        .body("evidence.title", equalTo(List.of("Newer", "Older")));
  }

  @Test
  void shouldLetGroupAdminsAndSiteAdminsWriteAndSiteAdminsAnywhere() {
    added(adminA, MONTPELLIER, deliberation());
    added(site, MONTPELLIER, deliberation());
    added(site, LYON, deliberation());
    assertEquals(3, stored());
  }

  @Test
  void shouldEditWithTheVersionAndRefuseAStaleOne() {
    long id = added(modA, MONTPELLIER, deliberation());
    String entry = evidence(MONTPELLIER) + "/" + id;
    Map<String, Object> change = new HashMap<>(Map.of("title", "Marché Briefcam", "version", 0));
    change.put("note", null);
    adminA
        .as()
        .body(change)
        .patch(entry)
        .then()
        .statusCode(200)
        .body("title", equalTo("Marché Briefcam"))
        .body("kind", equalTo("council_deliberation"))
        .body("note", nullValue())
        .body("version", equalTo(1));
    modA.as()
        .body(Map.of("title", "Someone else's change", "version", 0))
        .patch(entry)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given().get(entry).then().body("title", equalTo("Marché Briefcam"));
    assertEquals(1, logged("edit"));
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM city_evidence_action WHERE action = 'edit'"
                + " AND before->>'title' LIKE 'Délibération%'"
                + " AND after->>'title' = 'Marché Briefcam' AND actor_id IS NOT NULL"));
    modA.as()
        .body(Map.of("title", "No version"))
        .patch(entry)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("version"));
  }

  @Test
  void shouldDeleteAndLogTheEntryAsItWas() {
    long id = added(modA, MONTPELLIER, deliberation());
    String entry = evidence(MONTPELLIER) + "/" + id;
    modA.as().delete(entry + "?version=3").then().statusCode(409);
    modA.as().delete(entry + "?version=0").then().statusCode(204);
    given().get(entry).then().statusCode(404);
    assertEquals(0, stored());
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM city_evidence_action WHERE action = 'delete'"
                + " AND evidence_id = "
                + id
                + " AND before->>'url' LIKE 'https://www.montpellier.fr/%' AND after IS NULL"));
    modA.as().delete(entry).then().statusCode(404);
  }

  @Test
  void shouldRefuseAnonymousVisitorsAndModeratorsOfOtherTerritories() {
    given()
        .contentType("application/json")
        .body(deliberation())
        .post(evidence(MONTPELLIER))
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    modB.as().body(deliberation()).post(evidence(MONTPELLIER)).then().statusCode(403);
    modA.as().body(deliberation()).post(evidence(LYON)).then().statusCode(403);
    assertEquals(0, stored());

    long id = added(modA, MONTPELLIER, deliberation());
    String entry = evidence(MONTPELLIER) + "/" + id;
    given()
        .contentType("application/json")
        .body(Map.of("title", "x", "version", 0))
        .patch(entry)
        .then()
        .statusCode(401);
    modB.as().body(Map.of("title", "x", "version", 0)).patch(entry).then().statusCode(403);
    given().delete(entry).then().statusCode(401);
    modB.as().delete(entry).then().statusCode(403);
    given().get(entry).then().statusCode(200).body("version", equalTo(0));
    assertEquals(1, stored());
    assertEquals(1, fixtures.count("SELECT count(*) FROM city_evidence_action"));
  }

  @Test
  void shouldRefuseAChangeWithTheCookieButWithoutTheCsrfToken() {
    given()
        .cookie("technocarte_session", modA.cookie())
        .contentType("application/json")
        .body(deliberation())
        .post(evidence(MONTPELLIER))
        .then()
        .statusCode(403)
        .body("type", equalTo("/problems/csrf"));
    long id = added(modA, MONTPELLIER, deliberation());
    given()
        .cookie("technocarte_session", modA.cookie())
        .delete(evidence(MONTPELLIER) + "/" + id)
        .then()
        .statusCode(403);
    assertEquals(1, stored());
  }

  @Test
  void shouldAnswer404ForUnknownCitiesAndEvidenceOfAnotherCity() {
    site.as().body(deliberation()).post(evidence(UNKNOWN_CITY)).then().statusCode(404);
    long id = added(site, MONTPELLIER, deliberation());
    site.as()
        .body(Map.of("title", "x", "version", 0))
        .patch(evidence(MONTPELLIER) + "/999999")
        .then()
        .statusCode(404);
    site.as()
        .body(Map.of("title", "x", "version", 0))
        .patch(evidence(LYON) + "/" + id)
        .then()
        .statusCode(404);
    site.as().delete(evidence(LYON) + "/" + id).then().statusCode(404);
    given().get(evidence(LYON) + "/" + id).then().statusCode(404);
    given().get(evidence(MONTPELLIER) + "/" + id).then().statusCode(200);
    assertEquals(1, stored());
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "url         | javascript:alert(1)",
        "url         | ftp://files.example.org/a.pdf",
        "url         | https://",
        "url         | https://exa mple.org/",
        "url         | <LONG_URL>",
        "title       | ''",
        "title       | '   '",
        "title       | <LONG_TITLE>",
        "kind        | rumour",
        "publishedOn | <FUTURE>",
        "publishedOn | 2025-13-01",
        "publishedOn | 1969-12-31",
        "note        | <LONG_NOTE>",
        "colour      | red",
        "id          | 12",
      })
  void shouldRefuseEachInvalidFieldAndStoreNothing(String field, String value) {
    Map<String, Object> body = deliberation();
    body.put(field, example(value));
    modA.as()
        .body(body)
        .post(evidence(MONTPELLIER))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of(field)));
    assertEquals(0, stored());
    assertEquals(0, fixtures.count("SELECT count(*) FROM city_evidence_action"));
  }

  @Test
  void shouldRefuseWrongTypesAndMissingFieldsAtOnce() {
    modA.as()
        .body(Map.of("title", 12, "publishedOn", true))
        .post(evidence(MONTPELLIER))
        .then()
        .statusCode(422)
        .body("errors.field", equalTo(List.of("kind", "title", "publishedOn", "url")));
    modA.as().body("{\"title\": ").post(evidence(MONTPELLIER)).then().statusCode(400);
    modA.as().body("[]").post(evidence(MONTPELLIER)).then().statusCode(422);
    modA.as()
        .body(Map.of("note", "x".repeat(70_000)))
        .post(evidence(MONTPELLIER))
        .then()
        .statusCode(413);
    long id = added(modA, MONTPELLIER, deliberation());
    modA.as()
        .body(Map.of("url", "javascript:alert(1)", "version", 0))
        .patch(evidence(MONTPELLIER) + "/" + id)
        .then()
        .statusCode(422)
        .body("errors.field", equalTo(List.of("url")));
    given().get(evidence(MONTPELLIER) + "/" + id).then().body("url", containsString("montpellier"));
    assertEquals(1, stored());
  }

  @Test
  void shouldHaveTheDatabaseRefuseWhatTheApiRefuses() {
    for (String values :
        List.of(
            "'press', 'T', DATE '2024-01-01', 'javascript:alert(1)'",
            "'rumour', 'T', DATE '2024-01-01', 'https://a.fr'",
            "'press', '', DATE '2024-01-01', 'https://a.fr'",
            "'press', 'T', current_date + 30, 'https://a.fr'")) {
      assertThrows(
          RuntimeException.class,
          () ->
              fixtures.count(
                  "INSERT INTO city_evidence (city_code, kind, title, published_on, url)"
                      + " VALUES ('"
                      + MONTPELLIER
                      + "', "
                      + values
                      + ") RETURNING id"),
          values);
    }
    assertEquals(0, stored());
  }

  @Test
  void shouldDocumentEveryPropertyItAnswers() {
    added(modA, MONTPELLIER, deliberation());
    var doc = given().get("/q/openapi?format=json").then().extract().jsonPath();
    var city = modA.as().get("/api/cities/" + MONTPELLIER).then().extract().jsonPath();
    assertEquals(
        new java.util.TreeSet<>(doc.getMap("components.schemas.CityStats.properties").keySet()),
        new java.util.TreeSet<>(city.getMap("").keySet()));
    assertEquals(
        new java.util.TreeSet<>(doc.getMap("components.schemas.CityEvidence.properties").keySet()),
        new java.util.TreeSet<>(city.getMap("evidence[0]").keySet()));
  }

  private static Object example(String value) {
    return switch (value) {
      case "<LONG_URL>" -> "https://example.org/" + "a".repeat(2000);
      case "<LONG_TITLE>" -> "t".repeat(301);
      case "<LONG_NOTE>" -> "n".repeat(2001);
      case "<FUTURE>" -> LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
      default -> value;
    };
  }
}
