package org.technocarte.moderation;

import static io.restassured.RestAssured.given;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_GARE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.submitted;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.technocarte.sighting.SightingFixtures;

/**
 * Who may do what, one row per action, one column per role: anonymous, moderator of A, moderator of
 * B, admin of A, site admin. Every action targets group A's territory (Montpellier).
 */
@QuarkusTest
class PermissionMatrixTest {

  /** Montpellier, in group A's territory, and a piece of its VSA evidence. */
  private static final String EVIDENCE = "/api/cities/2992166/evidence";

  private static final Map<String, Object> CITY_EVIDENCE =
      Map.of(
          "kind", "procurement_notice",
          "title", "Marché de vidéosurveillance algorithmique",
          "publishedOn", "2024-03-01",
          "url", "https://www.boamp.fr/avis/24-1234");

  @Inject ModerationFixtures fixtures;
  @Inject SightingFixtures sightings;

  private long groupA;
  private long pending;
  private long approved;
  private long action;
  private long memberOfA;
  private long evidence;
  private Map<String, ModerationFixtures.Session> sessions;

  @BeforeEach
  void twoGroupsAndTheirPeople() {
    fixtures.clear();
    groupA = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    long groupB = fixtures.group("Technopolice Paris", ModerationFixtures.TERRITORY_B);
    fixtures.member(fixtures.user("mod-a@test.fr", false), groupA, "moderator");
    fixtures.member(fixtures.user("mod-b@test.fr", false), groupB, "moderator");
    fixtures.member(fixtures.user("admin-a@test.fr", false), groupA, "admin");
    fixtures.user("site@test.fr", true);
    memberOfA = fixtures.user("other-a@test.fr", false);
    fixtures.member(memberOfA, groupA, "moderator");
    sessions =
        Map.of(
            "modA", ModerationFixtures.login("mod-a@test.fr"),
            "modB", ModerationFixtures.login("mod-b@test.fr"),
            "adminA", ModerationFixtures.login("admin-a@test.fr"),
            "site", ModerationFixtures.login("site@test.fr"));
    approved = sightings.approved(feature(MONTPELLIER_GARE));
    long acted = submitted(feature(MONTPELLIER_GARE));
    sessions
        .get("site")
        .as()
        .body(Map.of("version", 0))
        .post("/api/moderation/sightings/" + acted + "/approve")
        .then()
        .statusCode(200);
    action = fixtures.count("SELECT max(id) FROM moderation_action");
    pending = submitted(feature(MONTPELLIER_COMEDIE));
    evidence =
        sessions
            .get("site")
            .as()
            .body(CITY_EVIDENCE)
            .post(EVIDENCE)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
  }

  @ParameterizedTest(name = "{0}: anonymous {1}, modA {2}, modB {3}, adminA {4}, site {5}")
  @CsvSource({
    "read the queue,            401, 200, 200, 200, 200",
    "approve,                   401, 200, 403, 200, 200",
    "reject,                    401, 200, 403, 200, 200",
    "edit,                      401, 200, 403, 200, 200",
    "merge,                     401, 200, 403, 200, 200",
    "read a sighting's history, 401, 200, 403, 200, 200",
    "revert,                    401, 200, 403, 200, 200",
    "read the group's history,  401, 200, 403, 200, 200",
    "create a group,            401, 403, 403, 403, 201",
    "change the territory,      401, 403, 403, 200, 200",
    "invite,                    401, 403, 403, 201, 201",
    "list the members,          401, 200, 403, 200, 200",
    "change a member's role,    401, 403, 403, 200, 200",
    "remove a member,           401, 403, 403, 204, 204",
    "add city evidence,         401, 201, 403, 201, 201",
    "change city evidence,      401, 200, 403, 200, 200",
    "delete city evidence,      401, 204, 403, 204, 204",
  })
  void shouldAllowExactlyTheRolesOfTheDesign(
      String action, int anonymous, int modA, int modB, int adminA, int site) {
    expect(action, given().contentType("application/json"), anonymous);
    expect(action, sessions.get("modA").as(), modA);
    expect(action, sessions.get("modB").as(), modB);
    expect(action, sessions.get("adminA").as(), adminA);
    expect(action, sessions.get("site").as(), site);
  }

  private void expect(String action, RequestSpecification as, int status) {
    request(action).apply(as).then().statusCode(status);
    if (status < 300) {
      // The next role starts from the same state.
      twoGroupsAndTheirPeople();
    }
  }

  private Function<RequestSpecification, io.restassured.response.Response> request(String action) {
    String sighting = "/api/moderation/sightings/" + pending;
    return switch (action) {
      case "read the queue" -> r -> r.get("/api/moderation/queue");
      case "approve" -> r -> r.body(Map.of("version", 0)).post(sighting + "/approve");
      case "reject" ->
          r -> r.body(Map.of("version", 0, "reason", "spam")).post(sighting + "/reject");
      case "edit" ->
          r ->
              r.body(
                      Map.of(
                          "version",
                          0,
                          "changes",
                          Map.of("type", "Feature", "properties", Map.of("notes", "vu"))))
                  .patch(sighting);
      case "merge" ->
          r -> r.body(Map.of("version", 0, "targetId", approved)).post(sighting + "/merge");
      case "read a sighting's history" -> r -> r.get(sighting + "/history");
      case "revert" ->
          r -> r.body(Map.of()).post("/api/moderation/actions/" + this.action + "/revert");
      case "read the group's history" ->
          r -> r.get("/api/moderation/groups/" + groupA + "/history");
      case "create a group" ->
          r ->
              r.body(
                      "{\"name\":\"Nouveau\",\"territory\":"
                          + ModerationFixtures.polygon(new double[] {4.0, 44.0, 4.1, 44.1})
                          + "}")
                  .post("/api/groups");
      case "change the territory" ->
          r ->
              r.body(
                      "{\"territory\":"
                          + ModerationFixtures.polygon(new double[] {3.8, 43.5, 3.95, 43.7})
                          + "}")
                  .patch("/api/groups/" + groupA);
      case "invite" ->
          r -> r.body(Map.of("role", "moderator")).post("/api/groups/" + groupA + "/invites");
      case "list the members" -> r -> r.get("/api/groups/" + groupA + "/members");
      case "change a member's role" ->
          r ->
              r.body(Map.of("role", "admin"))
                  .patch("/api/groups/" + groupA + "/members/" + memberOfA);
      case "remove a member" -> r -> r.delete("/api/groups/" + groupA + "/members/" + memberOfA);
      case "add city evidence" -> r -> r.body(CITY_EVIDENCE).post(EVIDENCE);
      case "change city evidence" ->
          r ->
              r.body(Map.of("title", "Avis rectifié", "version", 0))
                  .patch(EVIDENCE + "/" + evidence);
      case "delete city evidence" -> r -> r.delete(EVIDENCE + "/" + evidence);
      default -> throw new IllegalArgumentException(action);
    };
  }
}
