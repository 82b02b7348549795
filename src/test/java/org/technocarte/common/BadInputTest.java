package org.technocarte.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.technocarte.moderation.ModerationFixtures;
import org.technocarte.photo.TestImages;
import org.technocarte.sighting.SightingFixtures;

/**
 * Bad input on every endpoint: each case answers its 4xx problem+json naming what is wrong (never a
 * 500), and leaves every table as it was. Strangers are refused before anything they sent is read.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  private static final String MONTPELLIER = "2992166";
  private static final String TILE = "/tiles/sightings/5/16/11.mvt";
  private static final String ITEMS = "/ogc/collections/sightings/items";
  private static final String BBOX = "bbox=3.86,43.59,3.90,43.62";

  /** Every table a request could write to. */
  private static final List<String> TABLES =
      List.of(
          "sighting",
          "photo",
          "confirmation",
          "moderation_action",
          "local_group",
          "membership",
          "invite",
          "city_evidence",
          "city_evidence_action",
          "app_user",
          "user_session",
          "import_job",
          "removal_report",
          "campaign");

  /** What a case may use: an admin's session, a group, a walker's pending sighting. */
  record World(
      ModerationFixtures.Session admin,
      long group,
      long sighting,
      String token,
      long camera,
      long report,
      String reportToken) {}

  @Inject ModerationFixtures fixtures;
  @Inject SightingFixtures sightings;

  private World world;

  /** Once for all the cases: each of them leaves every table as it found it (and checks it). */
  @BeforeEach
  void setUp() {
    if (world != null) {
      return;
    }
    fixtures.clear();
    long group = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    fixtures.member(fixtures.user("admin@test.fr", true), group, "admin");
    var answer =
        SightingFixtures.submit(SightingFixtures.feature(SightingFixtures.MONTPELLIER_COMEDIE))
            .statusCode(201)
            .extract()
            .jsonPath();
    long camera =
        sightings.approved(SightingFixtures.feature(SightingFixtures.MONTPELLIER_COMEDIE));
    var report =
        given()
            .contentType("application/json")
            .body("{\"kind\":\"gone\"}")
            .post("/api/sightings/" + camera + "/removal-reports")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    world =
        new World(
            ModerationFixtures.login("admin@test.fr"),
            group,
            answer.getLong("id"),
            answer.getString("properties.editToken"),
            camera,
            report.getLong("id"),
            report.getString("reportToken"));
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        // NUL, invalid UTF-8 in a query parameter or a path segment, on every read
        unreadable("NUL in the map's city", get("/api/sightings?" + BBOX + "&city=%00"), "city"),
        unreadable("invalid UTF-8 in the map's city", get("/api/sightings?city=%C3%28"), "city"),
        unreadable("NUL in nearby", get("/api/sightings/nearby?lon=3.8%00&lat=43.6"), "lon"),
        unreadable("NUL in the CSV export", get("/api/export/sightings.csv?city=%00"), "city"),
        unreadable(
            "invalid UTF-8 in the GeoJSON export",
            get("/api/export/sightings.geojson?city=%C3%28"),
            "city"),
        unreadable("NUL in the OSM export", get("/api/export/sightings.osm?city=%00"), "city"),
        unreadable("NUL in a tile's city", get(TILE + "?city=%00"), "city"),
        unreadable("NUL in a city code", get("/api/cities/%00"), "path"),
        unreadable("invalid UTF-8 in a city code", get("/api/cities/%C3%28"), "path"),
        unreadable("NUL in a group id", get("/api/groups/1%00"), "path"),
        unreadable("NUL in the stats", get("/api/stats?city=%00"), "city"),
        unreadable(
            "NUL in a CQL2 string",
            get(ITEMS + "?filter=" + encode("operator = 'Ville\0'")),
            "filter"),
        unreadable("NUL in a parameter name", get(ITEMS + "?fil%00ter=1"), "query"),
        unreadable("invalid UTF-8 in a sighting id", get("/api/sightings/%FF"), "path"),
        // OGC and exports: filters that parse but cannot hold
        refused(
            "a reversed datetime interval",
            get(ITEMS + "?datetime=2025-01-01/2024-01-01"),
            400,
            "bad-parameter",
            "datetime"),
        refused(
            "a CQL2 number beyond a double",
            get(ITEMS + "?filter=" + encode("height > 1e400")),
            400,
            "bad-parameter",
            "filter"),
        refused(
            "a CQL2 coordinate beyond a double",
            get(ITEMS + "?filter=" + encode("S_INTERSECTS(geometry, POINT(1e400 43))")),
            400,
            "bad-parameter",
            "filter"),
        // Malformed or wrongly shaped JSON
        refused(
            "login: malformed",
            anonymous("POST", "/api/auth/login", "{bad"),
            400,
            "malformed-json",
            null),
        refused(
            "login: an array",
            anonymous("POST", "/api/auth/login", "[]"),
            400,
            "wrong-json-shape",
            "body"),
        refused(
            "login: text",
            anonymous("POST", "/api/auth/login", "\"x\""),
            400,
            "wrong-json-shape",
            "body"),
        refused(
            "login: a list for the email",
            anonymous("POST", "/api/auth/login", "{\"email\":[\"a@b.fr\"],\"password\":\"x\"}"),
            400,
            "wrong-json-shape",
            "email"),
        refused(
            "login: NUL in the email",
            anonymous(
                "POST",
                "/api/auth/login",
                "{\"email\":\"admin@test.fr\\u0000\",\"password\":\""
                    + ModerationFixtures.PASSWORD
                    + "\"}"),
            422,
            "validation",
            "email"),
        refused(
            "login: invalid UTF-8",
            w ->
                given()
                    .contentType("application/json")
                    .body(new byte[] {'{', '"', (byte) 0xC3, '(', '"', ':', '1', '}'})
                    .post("/api/auth/login"),
            400,
            "malformed-json",
            null),
        refused(
            "group: NUL in the name",
            admin(
                "POST",
                "/api/groups",
                "{\"name\":\"Techno\\u0000police\",\"territory\":"
                    + ModerationFixtures.polygon(ModerationFixtures.TERRITORY_B)
                    + "}"),
            422,
            "validation",
            "name"),
        refused(
            "group: NUL in the territory",
            admin(
                "POST",
                "/api/groups",
                "{\"name\":\"Technopolice Paris\",\"territory\":{\"type\":\"Polygon\","
                    + "\"crs\":\"\\u0000\",\"coordinates\":[]}}"),
            422,
            "validation",
            "territory.crs"),
        refused(
            "group: an array", admin("POST", "/api/groups", "[]"), 400, "wrong-json-shape", "body"),
        refused(
            "group: an object for the name",
            admin("POST", "/api/groups", "{\"name\":{\"fr\":\"Technopolice\"}}"),
            400,
            "wrong-json-shape",
            "name"),
        refused(
            "group change: NUL in the name",
            w -> w.admin().as().body("{\"name\":\"a\\u0000\"}").patch("/api/groups/" + w.group()),
            422,
            "validation",
            "name"),
        refused(
            "invitation: a list for the role",
            w ->
                w.admin()
                    .as()
                    .body("{\"role\":[\"admin\"]}")
                    .post("/api/groups/" + w.group() + "/invites"),
            400,
            "wrong-json-shape",
            "role"),
        refused(
            "invitation use: an array",
            anonymous("POST", "/api/groups/join", "[1]"),
            400,
            "wrong-json-shape",
            "body"),
        refused(
            "member's role: an object",
            w ->
                w.admin()
                    .as()
                    .body("{\"role\":{}}")
                    .patch("/api/groups/" + w.group() + "/members/1"),
            400,
            "wrong-json-shape",
            "role"),
        refused(
            "approval: text for the version",
            w ->
                w.admin()
                    .as()
                    .body("{\"version\":\"first\"}")
                    .post("/api/moderation/sightings/" + w.sighting() + "/approve"),
            400,
            "wrong-json-shape",
            "version"),
        refused(
            "approvals: text for an id",
            admin("POST", "/api/moderation/approvals", "{\"sightings\":[{\"id\":\"abc\"}]}"),
            400,
            "wrong-json-shape",
            "sightings[0].id"),
        refused(
            "approvals: text for the list",
            admin("POST", "/api/moderation/approvals", "{\"sightings\":\"all\"}"),
            400,
            "wrong-json-shape",
            "sightings"),
        refused(
            "rejection: NUL in the comment",
            w ->
                w.admin()
                    .as()
                    .body("{\"version\":0,\"reason\":\"other\",\"comment\":\"x\\u0000\"}")
                    .post("/api/moderation/sightings/" + w.sighting() + "/reject"),
            422,
            "validation",
            "comment"),
        refused(
            "merge: text for the target",
            w ->
                w.admin()
                    .as()
                    .body("{\"targetId\":\"the other\"}")
                    .post("/api/moderation/sightings/" + w.sighting() + "/merge"),
            400,
            "wrong-json-shape",
            "targetId"),
        refused(
            "moderator's edit: NUL in the reason",
            w ->
                w.admin()
                    .as()
                    .body(
                        "{\"version\":0,\"reason\":\"x\\u0000\",\"changes\":{\"type\":\"Feature\",\"properties\":{}}}")
                    .patch("/api/moderation/sightings/" + w.sighting()),
            422,
            "validation",
            "reason"),
        refused(
            "revert: an array for the reason",
            admin("POST", "/api/moderation/actions/1/revert", "{\"reason\":[]}"),
            400,
            "wrong-json-shape",
            "reason"),
        refused(
            "import: malformed",
            w ->
                w.admin()
                    .as()
                    .body("{\"type\":")
                    .post("/api/moderation/imports?group=" + w.group()),
            400,
            "malformed-json",
            null),
        refused(
            "import: NUL in a tag",
            w ->
                w.admin()
                    .as()
                    .body(
                        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"operator\":\"a\\u0000\"}}]}")
                    .post("/api/moderation/imports?group=" + w.group()),
            422,
            "validation",
            "features[0].properties.operator"),
        refused(
            "evidence: NUL in the title",
            admin(
                "POST",
                "/api/cities/" + MONTPELLIER + "/evidence",
                evidence("\"Marché\\u0000\"", "null")),
            422,
            "validation",
            "title"),
        refused(
            "evidence: NUL in the note",
            admin(
                "POST",
                "/api/cities/" + MONTPELLIER + "/evidence",
                evidence("\"Marché Briefcam\"", "\"vu\\u0000\"")),
            422,
            "validation",
            "note"),
        refused(
            "evidence: malformed",
            admin("POST", "/api/cities/" + MONTPELLIER + "/evidence", "{"),
            400,
            "malformed-json",
            null),
        refused(
            "sighting: NUL in the notes",
            w -> SightingFixtures.submit(withNotes("a\u0000b")).extract().response(),
            422,
            "validation",
            "properties.notes"),
        refused(
            "sighting amend: NUL in the notes",
            w ->
                given()
                    .header("X-Edit-Token", w.token())
                    .contentType("application/merge-patch+json")
                    .body("{\"properties\":{\"notes\":\"a\\u0000\"}}")
                    .patch("/api/sightings/" + w.sighting()),
            422,
            "validation",
            "properties.notes"),
        // Photos that do not decode whole
        refused(
            "photo: a JPEG's headers without its image data",
            w -> photo(w, TestImages.jpegWithoutImageData(TestImages.walkerJpeg())),
            422,
            "unreadable-image",
            null),
        refused(
            "photo: a JPEG cut at 60 %",
            w -> photo(w, TestImages.cut(TestImages.walkerJpeg(), 0.6)),
            422,
            "unreadable-image",
            null),
        // Strangers are refused before their body or parameters are read
        refused(
            "anonymous edit",
            anonymous("PATCH", "/api/moderation/sightings/1", "{}"),
            401,
            "unauthenticated",
            null),
        refused(
            "anonymous merge",
            anonymous("POST", "/api/moderation/sightings/1/merge", "{}"),
            401,
            "unauthenticated",
            null),
        refused(
            "anonymous import",
            anonymous("POST", "/api/moderation/imports", "["),
            401,
            "unauthenticated",
            null),
        refused(
            "anonymous approvals",
            anonymous("POST", "/api/moderation/approvals", "[]"),
            401,
            "unauthenticated",
            null),
        refused(
            "anonymous group",
            anonymous("POST", "/api/groups", "{\"name\":\"\\u0000\"}"),
            401,
            "unauthenticated",
            null),
        refused(
            "anonymous invitation",
            anonymous("POST", "/api/groups/1/invites", "["),
            401,
            "unauthenticated",
            null),
        refused(
            "anonymous evidence",
            anonymous("POST", "/api/cities/" + MONTPELLIER + "/evidence", "["),
            401,
            "unauthenticated",
            null),
        refused(
            "anonymous evidence change",
            anonymous("PATCH", "/api/cities/" + MONTPELLIER + "/evidence/x", "["),
            401,
            "unauthenticated",
            null),
        refused(
            "anonymous photo erasure",
            w -> given().delete("/api/moderation/photos/not-a-uuid"),
            401,
            "unauthenticated",
            null),
        refused(
            "anonymous history",
            w -> given().get("/api/moderation/sightings/abc/history"),
            401,
            "unauthenticated",
            null),
        // Removal reports and their photo
        refused("removal report: malformed", w -> removal(w, "{bad"), 400, "malformed-json", null),
        refused("removal report: an array", w -> removal(w, "[]"), 422, "validation", "body"),
        refused(
            "removal report: NUL in the note",
            w -> removal(w, "{\"kind\":\"gone\",\"note\":\"vide\\u0000\"}"),
            422,
            "validation",
            "note"),
        refused(
            "removal report: an unknown kind",
            w -> removal(w, "{\"kind\":\"stolen\"}"),
            422,
            "validation",
            "kind"),
        refused(
            "removal report: an unknown camera",
            anonymous("POST", "/api/sightings/99999999/removal-reports", "{\"kind\":\"gone\"}"),
            404,
            "not-found",
            null),
        refused(
            "removal photo: no token",
            w ->
                given()
                    .contentType("image/jpeg")
                    .body(TestImages.walkerJpeg())
                    .post(reportPhoto(w)),
            404,
            "not-found",
            null),
        refused(
            "removal photo: not an image",
            w ->
                given()
                    .header("X-Report-Token", w.reportToken())
                    .contentType("image/jpeg")
                    .body("not a photo".getBytes(StandardCharsets.UTF_8))
                    .post(reportPhoto(w)),
            415,
            "unsupported-image",
            null),
        refused(
            "removal photo: cut short",
            w ->
                given()
                    .header("X-Report-Token", w.reportToken())
                    .contentType("image/jpeg")
                    .body(TestImages.cut(TestImages.walkerJpeg(), 0.6))
                    .post(reportPhoto(w)),
            422,
            "unreadable-image",
            null),
        refused(
            "anonymous removal decision",
            anonymous("POST", "/api/moderation/removal-reports/1/confirm", "["),
            401,
            "unauthenticated",
            null),
        refused(
            "anonymous removal photo",
            w -> given().get("/api/moderation/removal-reports/" + w.report() + "/photo"),
            401,
            "unauthenticated",
            null),
        // Mapping parties
        refused(
            "anonymous mapping party",
            anonymous("POST", "/api/groups/1/campaigns", "["),
            401,
            "unauthenticated",
            null),
        refused(
            "mapping party: malformed",
            w -> w.admin().as().body("{bad").post("/api/groups/" + w.group() + "/campaigns"),
            400,
            "malformed-json",
            null),
        refused(
            "mapping party: NUL in the name",
            w ->
                w.admin()
                    .as()
                    .body(
                        "{\"name\":\"Carto\\u0000partie\",\"startsAt\":\"2030-01-01T10:00:00Z\","
                            + "\"endsAt\":\"2030-01-01T18:00:00Z\"}")
                    .post("/api/groups/" + w.group() + "/campaigns"),
            422,
            "validation",
            "name"),
        refused(
            "mapping party: an unknown code",
            get("/api/campaigns/%00"),
            400,
            "unreadable-parameter",
            "path"),
        refused(
            "no CSRF token on an edit",
            w ->
                given()
                    .cookie("technocarte_session", w.admin().cookie())
                    .contentType("application/json")
                    .body("[")
                    .patch("/api/moderation/sightings/1"),
            403,
            "csrf",
            null),
        refused(
            "no CSRF token on a group",
            w ->
                given()
                    .cookie("technocarte_session", w.admin().cookie())
                    .contentType("application/json")
                    .body("[")
                    .post("/api/groups"),
            403,
            "csrf",
            null),
        refused(
            "no CSRF token on an import",
            w ->
                given()
                    .cookie("technocarte_session", w.admin().cookie())
                    .contentType("application/json")
                    .body("[")
                    .post("/api/moderation/imports"),
            403,
            "csrf",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void shouldRefuseBadInputWithAProblemNamingItAndStoreNothing(
      String name, Function<World, Response> request, int status, String type, String field) {
    Map<String, Long> before = counts();
    ValidatableResponse answer =
        request
            .apply(world)
            .then()
            .statusCode(status)
            .contentType("application/problem+json")
            .body("type", equalTo("/problems/" + type))
            .body("code", equalTo(type))
            .body("status", equalTo(status))
            .body(not(containsString("Exception")))
            .body(not(containsString("org.")));
    if (field != null) {
      answer.body("errors.field", hasItem(field));
      // every field error carries a code of the catalogue, for the pages to translate
      List<String> codes =
          java.util.Arrays.stream(org.technocarte.common.error.FieldCode.values())
              .map(org.technocarte.common.error.FieldCode::code)
              .toList();
      answer.body("errors.code", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.in(codes)));
    }
    assertEquals(before, counts(), name + " changed a table");
  }

  @Test
  void shouldTakeA20000CharacterCql2FilterInTheUrl() {
    StringBuilder filter = new StringBuilder("height > 1");
    while (filter.length() + " OR height > 1".length() <= 20_000) {
      filter.append(" OR height > 1");
    }
    filter.append(" ".repeat(20_000 - filter.length()));
    assertEquals(20_000, filter.length());
    String encoded = encode(filter.toString());
    given()
        .urlEncodingEnabled(false)
        .get(ITEMS + "?filter=" + encoded)
        .then()
        .statusCode(200)
        .contentType("application/geo+json");
  }

  @Test
  void shouldAnswerATooLongTargetWith414ProblemJson() {
    RawHttp.Answer answer =
        RawHttp.send("GET " + ITEMS + "?filter=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n");
    assertEquals(414, answer.status());
    assertEquals("application/problem+json", answer.contentType());
    assertTrue(answer.body().contains("\"type\":\"/problems/uri-too-long\""), answer.body());
  }

  @Test
  void shouldAnswerARequestWithoutHostWithProblemJson() {
    Map<String, Long> before = counts();
    RawHttp.Answer answer = RawHttp.send("GET /api/cities HTTP/1.1\r\n");
    assertEquals(400, answer.status());
    assertEquals("application/problem+json", answer.contentType());
    assertTrue(answer.body().contains("Host header"), answer.body());
    assertEquals(before, counts());
  }

  @Test
  void shouldAnswerARawByteThatIsNotUtf8WithProblemJson() {
    RawHttp.Answer answer =
        RawHttp.send("GET /api/cities/Montpellier\u00c3( HTTP/1.1\r\nHost: x\r\n");
    assertEquals(400, answer.status());
    assertEquals("application/problem+json", answer.contentType());
    assertTrue(answer.body().contains("\"field\":\"path\""), answer.body());
  }

  @Test
  void shouldAnswerABrokenEscapeOrAnUnencodedCharacterWithProblemJson() {
    Map<String, Long> before = counts();
    Map<String, String> fieldOf =
        Map.of(
            "GET /api/sightings?city=% HTTP/1.1\r\nHost: x\r\n", "city",
            "GET /api/sightings?city=%G1 HTTP/1.1\r\nHost: x\r\n", "city",
            "GET /api/cities/% HTTP/1.1\r\nHost: x\r\n", "path",
            "GET /api/cities/%G1 HTTP/1.1\r\nHost: x\r\n", "path",
            "GET /api/sightings?city=a|b HTTP/1.1\r\nHost: x\r\n", "query",
            "GET /api/cities/a{b} HTTP/1.1\r\nHost: x\r\n", "path");
    for (Map.Entry<String, String> request : fieldOf.entrySet()) {
      RawHttp.Answer answer = RawHttp.send(request.getKey());
      assertEquals(400, answer.status(), request.getKey());
      assertEquals("application/problem+json", answer.contentType(), request.getKey());
      assertTrue(
          answer.body().contains("\"type\":\"/problems/unreadable-parameter\"")
              && answer.body().contains("\"field\":\"" + request.getValue() + "\""),
          request.getKey() + " -> " + answer.body());
    }
    assertEquals(before, counts());
  }

  /**
   * What the HTTP parser refuses before any route (a NUL in a header, a request line over its
   * limit) keeps the parser's own empty answer, which nothing lets the app change; it is still a
   * 4xx and stores nothing.
   */
  @Test
  void shouldRefuseWhatTheHttpParserCannotReadWithA4xx() {
    Map<String, Long> before = counts();
    for (String line :
        List.of(
            "GET /api/sightings/1 HTTP/1.1\r\nHost: x\r\nX-Edit-Token: a\0b\r\n",
            "POST /api/sightings HTTP/1.1\r\nHost: x\r\nContent-Type: application/geo+json\r\nContent-Length: 2\r\nX-Edit-Token: \0\r\n\r\n{}")) {
      RawHttp.Answer answer = RawHttp.send(line);
      assertEquals(400, answer.status(), line);
    }
    RawHttp.Answer tooLong =
        RawHttp.send(
            "GET " + ITEMS + "?filter=" + "a".repeat(140_000) + " HTTP/1.1\r\nHost: x\r\n");
    assertEquals(414, tooLong.status());
    assertEquals(before, counts());
  }

  // ---- helpers

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, fixtures.count("SELECT count(*) FROM " + table));
    }
    return counts;
  }

  private static Arguments unreadable(
      String name, Function<World, Response> request, String field) {
    return refused(name, request, 400, "unreadable-parameter", field);
  }

  private static Arguments refused(
      String name, Function<World, Response> request, int status, String type, String field) {
    return Arguments.of(name, request, status, type, field);
  }

  /** A GET sent exactly as written: REST Assured would encode the escapes again. */
  private static Function<World, Response> get(String target) {
    return w -> given().urlEncodingEnabled(false).get(target);
  }

  private static Function<World, Response> anonymous(String method, String path, String body) {
    return w -> send(given().contentType("application/json"), method, path, body);
  }

  private static Function<World, Response> admin(String method, String path, String body) {
    return w -> send(w.admin().as(), method, path, body);
  }

  private static Response send(RequestSpecification spec, String method, String path, String body) {
    return spec.body(body).request(method, path);
  }

  private static Response photo(World w, byte[] image) {
    return given()
        .header("X-Edit-Token", w.token())
        .contentType("image/jpeg")
        .body(image)
        .post("/api/sightings/" + w.sighting() + "/photos");
  }

  private static Response removal(World w, String body) {
    return given()
        .contentType("application/json")
        .body(body)
        .post("/api/sightings/" + w.camera() + "/removal-reports");
  }

  private static String reportPhoto(World w) {
    return "/api/sightings/" + w.camera() + "/removal-reports/" + w.report() + "/photo";
  }

  private static String evidence(String title, String note) {
    return "{\"kind\":\"press\",\"title\":"
        + title
        + ",\"publishedOn\":\"2025-03-01\",\"url\":\"https://example.org/briefcam\",\"note\":"
        + note
        + "}";
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode withNotes(String notes) {
    var feature = SightingFixtures.feature(SightingFixtures.MONTPELLIER_COMEDIE);
    SightingFixtures.properties(feature).put("notes", notes);
    return feature;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
