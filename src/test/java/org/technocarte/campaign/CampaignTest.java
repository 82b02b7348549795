package org.technocarte.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_GARE;
import static org.technocarte.sighting.SightingFixtures.PARIS_REPUBLIQUE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.submitted;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;
import org.technocarte.sighting.SightingFixtures;

/** Mapping parties: created by a group's admin, followed live by anyone, approved together. */
@QuarkusTest
class CampaignTest {

  /** The Écusson and the Comédie, inside group A's territory; the station lies outside. */
  private static final double[] ECUSSON = {3.872, 43.606, 3.884, 43.614};

  @Inject ModerationFixtures fixtures;
  @Inject SightingFixtures sightings;

  private long group;
  private ModerationFixtures.Session admin;

  @BeforeEach
  void aGroupWithAnAdminAndAModerator() {
    fixtures.clear();
    group = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    fixtures.member(fixtures.user("admin@montpellier.test", false), group, "admin");
    fixtures.member(fixtures.user("mod@montpellier.test", false), group, "moderator");
    long paris = fixtures.group("Technopolice Paris", ModerationFixtures.TERRITORY_B);
    fixtures.member(fixtures.user("admin@paris.test", false), paris, "admin");
    admin = ModerationFixtures.login("admin@montpellier.test");
  }

  @Test
  void shouldRunAPartyWhoseCountsBlocksAndHoursFollowTheSightings() {
    long before = sightings.approved(feature(MONTPELLIER_COMEDIE));
    fixtures.execute(
        "UPDATE sighting SET created_at = now() - interval '2 days' WHERE id = " + before);
    JsonPath created =
        create(party("Cartopartie de l'Écusson", -1, 3))
            .statusCode(201)
            .body("code", matchesPattern("[a-z2-9]{8}"))
            .body("state", equalTo("running"))
            .body("goal", equalTo("Toutes les rues de l'Écusson"))
            .extract()
            .jsonPath();
    String code = created.getString("code");
    assertEquals("/p/" + code, created.getString("link"));

    JsonPath empty = live(code).extract().jsonPath();
    double[] point = {3.8790, 43.6090};
    long pending = submitted(feature(point));
    long approved = submitted(feature(new double[] {3.8760, 43.6120}));
    sightings.setStatus(approved, "approved");
    submitted(feature(MONTPELLIER_GARE)); // outside the zone
    submitted(feature(PARIS_REPUBLIQUE)); // another territory

    JsonPath party =
        live(code)
            .body("name", equalTo("Cartopartie de l'Écusson"))
            .body("group", equalTo("Technopolice Montpellier"))
            .body("zone.type", equalTo("MultiPolygon"))
            .body("counts.knownBefore", equalTo(1))
            .body("counts.added", equalTo(2))
            .body("counts.approved", equalTo(1))
            .body("counts.pending", equalTo(1))
            .body("perHour.added.sum()", equalTo(2))
            .body("emptyBlocks.type", equalTo("MultiPolygon"))
            .extract()
            .jsonPath();
    assertEquals(4, party.getList("bbox").size());
    // The blocks left to walk: fewer once a sighting came in, and never where one is.
    int blocksBefore = empty.getList("emptyBlocks.coordinates").size();
    int blocksAfter = party.getList("emptyBlocks.coordinates").size();
    assertTrue(blocksBefore > 20, "the Écusson is cut into blocks: " + blocksBefore);
    assertTrue(blocksAfter < blocksBefore, blocksAfter + " < " + blocksBefore);
    String blocks = json(party, "emptyBlocks");
    assertEquals(
        0,
        fixtures.count(
            "SELECT count(*) FROM sighting s WHERE s.id IN ("
                + pending
                + ", "
                + approved
                + ", "
                + before
                + ") AND ST_Intersects(s.geom, ST_GeomFromGeoJSON('"
                + blocks
                + "'))"));

    // The group's queue shows the party's sightings together, to approve them in bulk.
    long id = created.getLong("id");
    ModerationFixtures.Session moderator = ModerationFixtures.login("mod@montpellier.test");
    moderator
        .as()
        .get("/api/moderation/queue?campaign=" + id)
        .then()
        .statusCode(200)
        .body("sighting.id", equalTo(List.of((int) pending)))
        .header("X-Total-Count", "1");
    moderator
        .as()
        .get("/api/moderation/queue?campaign=party")
        .then()
        .statusCode(400)
        .body("errors.find { it.field == 'campaign' }.code", equalTo("bad-format"));
    // Its results, exported like any filter.
    given()
        .get("/api/export/sightings.geojson?campaign=" + id)
        .then()
        .statusCode(200)
        .header("Content-Disposition", containsString("-party-" + id))
        .body("features.id", equalTo(List.of((int) approved)));
    given()
        .get("/ogc/collections/sightings/items?campaign=" + id)
        .then()
        .statusCode(200)
        .body("features.id", equalTo(List.of((int) approved)));
    given()
        .get("/api/export/sightings.csv?campaign=soon")
        .then()
        .statusCode(400)
        .body("errors.find { it.field == 'campaign' }.code", equalTo("bad-format"));
    moderator
        .as()
        .get("/api/groups/" + group + "/campaigns")
        .then()
        .statusCode(200)
        .body("code", equalTo(List.of(code)));
  }

  @Test
  void shouldGiveAShortLinkAndAQrCodeMadeByTheApp() {
    String code = create(party("Cartopartie", 0, 2)).statusCode(201).extract().path("code");
    given()
        .redirects()
        .follow(false)
        .get("/p/" + code)
        .then()
        .statusCode(303)
        .header("Location", org.hamcrest.Matchers.endsWith("/campaign/#" + code));
    given()
        .get("/api/campaigns/" + code + "/qr.svg")
        .then()
        .statusCode(200)
        .contentType(startsWith("image/svg+xml"))
        .body(startsWith("<svg"))
        .body(containsString("/p/" + code + "</title>"))
        .body(containsString("h1v1h-1z"));
    given().get("/p/abcdefgh").then().statusCode(404);
    given().get("/api/campaigns/NOT-A-CODE").then().statusCode(404);
    given().get("/api/campaigns/abcdefgh/qr.svg").then().statusCode(404);
  }

  @Test
  void shouldRefuseABadPartyAndStoreNothing() {
    create(party("", 0, 2))
        .statusCode(422)
        .body("errors.find { it.field == 'name' }.code", equalTo("required"));
    create(party("Finie", -5, -1))
        .statusCode(422)
        .body("errors.find { it.field == 'endsAt' }.code", equalTo("out-of-range"))
        .body("errors.find { it.field == 'endsAt' }.message", containsString("past"));
    create(party("À l'envers", 3, 1))
        .statusCode(422)
        .body("errors.find { it.field == 'endsAt' }.code", equalTo("out-of-range"));
    create(party("Trop longue", 0, 24 * 40))
        .statusCode(422)
        .body("errors.find { it.field == 'endsAt' }.message", containsString("31 days"));
    Map<String, Object> badDate = party("Date", 0, 2);
    badDate.put("startsAt", "samedi 14 h");
    create(badDate)
        .statusCode(422)
        .body("errors.find { it.field == 'startsAt' }.code", equalTo("not-a-date"));
    Map<String, Object> paris = party("Ailleurs", 0, 2);
    paris.put("zone", polygon(ModerationFixtures.TERRITORY_B));
    create(paris)
        .statusCode(422)
        .body("errors.find { it.field == 'zone' }.code", equalTo("out-of-range"));
    Map<String, Object> line = party("Ligne", 0, 2);
    line.put("zone", Map.of("type", "LineString", "coordinates", List.of(List.of(3.87, 43.6))));
    create(line).statusCode(422).body("errors.field", hasItem("zone.type"));
    Map<String, Object> unknown = party("Champ", 0, 2);
    unknown.put("secret", true);
    create(unknown)
        .statusCode(422)
        .body("errors.find { it.field == 'secret' }.code", equalTo("unknown-field"));
    admin
        .as()
        .body("{\"name\": ")
        .post("/api/groups/" + group + "/campaigns")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    assertEquals(0, fixtures.count("SELECT count(*) FROM campaign"));
  }

  @Test
  void shouldLetOnlyTheGroupsAdminsRunItsParties() {
    given()
        .contentType("application/json")
        .body(party("Anonyme", 0, 2))
        .post("/api/groups/" + group + "/campaigns")
        .then()
        .statusCode(401);
    ModerationFixtures.login("mod@montpellier.test")
        .as()
        .body(party("Modérateur", 0, 2))
        .post("/api/groups/" + group + "/campaigns")
        .then()
        .statusCode(403);
    ModerationFixtures.Session paris = ModerationFixtures.login("admin@paris.test");
    paris
        .as()
        .body(party("Voisins", 0, 2))
        .post("/api/groups/" + group + "/campaigns")
        .then()
        .statusCode(403);
    paris.as().get("/api/groups/" + group + "/campaigns").then().statusCode(403);
    admin
        .as()
        .body(party("Nulle part", 0, 2))
        .post("/api/groups/999999/campaigns")
        .then()
        .statusCode(404);
    assertEquals(0, fixtures.count("SELECT count(*) FROM campaign"));

    JsonPath created = create(party("La bonne", 0, 2)).statusCode(201).extract().jsonPath();
    long id = created.getLong("id");
    paris.as().delete("/api/groups/" + group + "/campaigns/" + id).then().statusCode(403);
    admin.as().delete("/api/groups/" + group + "/campaigns/" + id).then().statusCode(204);
    admin.as().delete("/api/groups/" + group + "/campaigns/" + id).then().statusCode(404);
    given().get("/api/campaigns/" + created.getString("code")).then().statusCode(404);
  }

  private ValidatableResponse create(Map<String, Object> body) {
    return admin.as().body(body).post("/api/groups/" + group + "/campaigns").then();
  }

  private static ValidatableResponse live(String code) {
    return given().get("/api/campaigns/" + code).then().statusCode(200);
  }

  /** A party over the Écusson, from now plus {@code fromHours} to now plus {@code toHours}. */
  private static Map<String, Object> party(String name, int fromHours, int toHours) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(1));
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("zone", polygon(ECUSSON));
    body.put("startsAt", now.plusHours(fromHours).toString());
    body.put("endsAt", now.plusHours(toHours).toString());
    body.put("goal", "Toutes les rues de l'Écusson");
    return body;
  }

  private static Map<String, Object> polygon(double[] box) {
    return Map.of(
        "type",
        "Polygon",
        "coordinates",
        List.of(
            List.of(
                List.of(box[0], box[1]),
                List.of(box[2], box[1]),
                List.of(box[2], box[3]),
                List.of(box[0], box[3]),
                List.of(box[0], box[1]))));
  }

  private static String json(JsonPath path, String key) {
    try {
      return SightingFixtures.JSON.writeValueAsString(path.getMap(key));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
