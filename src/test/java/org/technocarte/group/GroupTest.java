package org.technocarte.group;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;

@QuarkusTest
class GroupTest {

  private static final String BOWTIE =
      "{\"type\":\"Polygon\",\"coordinates\":[[[3.8,43.5],[3.9,43.6],[3.9,43.5],[3.8,43.6],[3.8,43.5]]]}";

  @Inject ModerationFixtures fixtures;
  private ModerationFixtures.Session site;

  @BeforeEach
  void aSiteAdmin() {
    fixtures.clear();
    fixtures.user("site@test.fr", true);
    site = ModerationFixtures.login("site@test.fr");
  }

  @Test
  void shouldCreateAGroupWithItsTerritory() {
    long id =
        create(
                "Technopolice Montpellier",
                ModerationFixtures.polygon(ModerationFixtures.TERRITORY_A))
            .then()
            .statusCode(201)
            .body("name", equalTo("Technopolice Montpellier"))
            .body("territory.type", equalTo("MultiPolygon"))
            .extract()
            .jsonPath()
            .getLong("id");
    given()
        .get("/api/groups/" + id)
        .then()
        .statusCode(200)
        .body("cityName", equalTo("Montpellier"));
    given().get("/api/groups").then().body("name", hasItem("Technopolice Montpellier"));
    create("Technopolice Montpellier", ModerationFixtures.polygon(ModerationFixtures.TERRITORY_B))
        .then()
        .statusCode(409);
  }

  @Test
  void shouldRefuseAnInvalidTerritoryAndStoreNothing() {
    create("Noeud papillon", BOWTIE)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("territory"));
    create("Sans territoire", "null").then().statusCode(422);
    create("Point", "{\"type\":\"Point\",\"coordinates\":[3.8,43.6]}").then().statusCode(422);
    create(
            "Ouvert",
            "{\"type\":\"Polygon\",\"coordinates\":[[[3.8,43.5],[3.9,43.6],[3.9,43.5],[3.8,43.6]]]}")
        .then()
        .statusCode(422);
    assertEquals(0, fixtures.count("SELECT count(*) FROM local_group"));
  }

  @Test
  void shouldTakeATerritoryFileLargerThanOtherApiBodies() {
    // A town boundary as detailed as an OpenStreetMap export: 6,000 points, about 130 KB of JSON.
    StringBuilder ring = new StringBuilder();
    for (int i = 0; i < 6000; i++) {
      double angle = 2 * Math.PI * i / 6000;
      ring.append(
          String.format(
              Locale.ROOT,
              "[%.7f,%.7f],",
              3.88 + 0.03 * Math.cos(angle),
              43.61 + 0.02 * Math.sin(angle)));
    }
    String territory =
        "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "[3.9100000,43.6100000]]]}";
    assertTrue(territory.length() > 65_536, "larger than technocarte.api.max-body-bytes");
    create("Technopolice Montpellier détaillée", territory).then().statusCode(201);
  }

  @Test
  void shouldLetAnInvitedPersonJoinOnceWithTheirOwnPassword() {
    long group = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    String token =
        site.as()
            .body(Map.of("role", "moderator"))
            .post("/api/groups/" + group + "/invites")
            .then()
            .statusCode(201)
            .body("path", startsWith("/moderation/#/join/"))
            .extract()
            .jsonPath()
            .getString("token");
    join(token, "Nouvelle@Collectif.test", "court")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("password"));
    join(token, "nouvelle@collectif.test", "un mot de passe long")
        .then()
        .statusCode(200)
        .body("groupId", equalTo((int) group));
    join(token, "autre@collectif.test", "un mot de passe long").then().statusCode(404);
    Response login =
        given()
            .contentType("application/json")
            .body(Map.of("email", "nouvelle@collectif.test", "password", "un mot de passe long"))
            .post("/api/auth/login");
    login.then().statusCode(200).body("roles." + group, equalTo("moderator"));
    site.as()
        .get("/api/groups/" + group + "/members")
        .then()
        .statusCode(200)
        .body("email", hasItem("nouvelle@collectif.test"));
  }

  @Test
  void shouldLetAGroupAdminChangeAMembersRole() {
    long group = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    long member = fixtures.user("camille@collectif.test", false);
    fixtures.member(member, group, "moderator");
    String path = "/api/groups/" + group + "/members/" + member;

    site.as()
        .body(Map.of("role", "owner"))
        .patch(path)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("role"));
    site.as().body("{}").patch(path).then().statusCode(422);
    site.as()
        .body(Map.of("role", "admin"))
        .patch("/api/groups/" + group + "/members/999999")
        .then()
        .statusCode(404);
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM membership WHERE user_id = "
                + member
                + " AND role = 'moderator'"),
        "nothing changed by the refusals");

    site.as()
        .body(Map.of("role", "admin"))
        .patch(path)
        .then()
        .statusCode(200)
        .body("userId", equalTo((int) member))
        .body("role", equalTo("admin"));
    // The new admin may now invite, which a moderator may not.
    ModerationFixtures.login("camille@collectif.test")
        .as()
        .body(Map.of("role", "moderator"))
        .post("/api/groups/" + group + "/invites")
        .then()
        .statusCode(201);
  }

  @Test
  void shouldNotTakeOverAnExistingAccountThroughAnInvitation() {
    long group = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    String token =
        site.as()
            .body(Map.of())
            .post("/api/groups/" + group + "/invites")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getString("token");
    join(token, "site@test.fr", "un autre mot de passe").then().statusCode(409);
    ModerationFixtures.login("site@test.fr");
  }

  @Test
  void shouldChangeTheTerritoryAndRefuseAStaleVersion() {
    long group = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    String bigger = ModerationFixtures.polygon(new double[] {3.8, 43.5, 3.95, 43.7});
    site.as()
        .body("{\"version\":0,\"territory\":" + bigger + "}")
        .patch("/api/groups/" + group)
        .then()
        .statusCode(200)
        .body("version", equalTo(1));
    site.as()
        .body("{\"version\":0,\"cityName\":\"Montpellier\"}")
        .patch("/api/groups/" + group)
        .then()
        .statusCode(409);
  }

  @Test
  void shouldKeepTheTerritoryWhenAChangeLeavesItOut() {
    long group = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    String before =
        given().get("/api/groups/" + group).then().extract().jsonPath().getString("territory");
    site.as()
        .body("{\"version\":0,\"cityName\":\"Lyon 1er\"}")
        .patch("/api/groups/" + group)
        .then()
        .statusCode(200)
        .body("cityName", equalTo("Lyon 1er"))
        .body("version", equalTo(1));
    assertEquals(
        before,
        given().get("/api/groups/" + group).then().extract().jsonPath().getString("territory"));
  }

  private Response create(String name, String territory) {
    return site.as()
        .body(
            "{\"name\":\""
                + name
                + "\",\"cityName\":\"Montpellier\",\"territory\":"
                + territory
                + "}")
        .post("/api/groups");
  }

  private static Response join(String token, String email, String password) {
    return given()
        .contentType("application/json")
        .body(
            Map.of("token", token, "email", email, "displayName", "Nouvelle", "password", password))
        .post("/api/groups/join");
  }
}
