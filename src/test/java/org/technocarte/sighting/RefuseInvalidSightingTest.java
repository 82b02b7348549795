package org.technocarte.sighting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.properties;
import static org.technocarte.sighting.SightingFixtures.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of a submission, each refused with the field named, and nothing stored. */
@QuarkusTest
class RefuseInvalidSightingTest {

  private final SightingFixtures fixtures;

  RefuseInvalidSightingTest(SightingFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void emptyTable() {
    fixtures.clear();
  }

  static Stream<Arguments> invalidSubmissions() {
    return Stream.of(
        rule("no geometry", f -> f.remove("geometry"), "geometry"),
        rule(
            "a line instead of a point",
            f -> f.putObject("geometry").put("type", "LineString"),
            "geometry"),
        rule("one coordinate", f -> coordinates(f).remove(1), "geometry.coordinates"),
        rule("an altitude", f -> coordinates(f).add(12.5), "geometry.coordinates"),
        rule(
            "coordinates as text",
            f -> coordinates(f).set(0, f.textNode("3.8")),
            "geometry.coordinates"),
        rule(
            "longitude beyond 180",
            f -> coordinates(f).set(0, f.numberNode(180.5)),
            "geometry.coordinates"),
        rule(
            "latitude beyond 90",
            f -> coordinates(f).set(1, f.numberNode(-91)),
            "geometry.coordinates"),
        rule("not a Feature", f -> f.put("type", "Point"), "type"),
        rule("an id chosen by the client", f -> f.put("id", 7), "id"),
        rule("an unknown member", f -> f.put("crs", "EPSG:2154"), "crs"),
        rule("properties not an object", f -> f.put("properties", "camera"), "properties"),
        rule(
            "no surveillance type",
            f -> props(f).remove("surveillanceType"),
            "properties.surveillanceType"),
        rule(
            "null surveillance type",
            f -> props(f).putNull("surveillanceType"),
            "properties.surveillanceType"),
        rule(
            "unknown surveillance type",
            f -> props(f).put("surveillanceType", "drone"),
            "properties.surveillanceType"),
        rule(
            "upper-case word",
            f -> props(f).put("surveillanceType", "ALPR"),
            "properties.surveillanceType"),
        rule(
            "unknown camera type",
            f -> props(f).put("cameraType", "bullet"),
            "properties.cameraType"),
        rule("null camera type", f -> props(f).putNull("cameraType"), "properties.cameraType"),
        rule("unknown mount", f -> props(f).put("mount", "tree"), "properties.mount"),
        rule(
            "direction 360",
            f -> props(f).putArray("directions").add(360),
            "properties.directions[0]"),
        rule(
            "negative direction",
            f -> props(f).putArray("directions").add(10).add(-1),
            "properties.directions[1]"),
        rule(
            "fractional direction",
            f -> props(f).putArray("directions").add(12.5),
            "properties.directions[0]"),
        rule(
            "unknown compass point",
            f -> props(f).putArray("directions").add("NORTH"),
            "properties.directions[0]"),
        rule("directions not a list", f -> props(f).put("directions", 90), "properties.directions"),
        rule("nine directions", f -> nineDirections(props(f)), "properties.directions"),
        rule("field of view 0", f -> props(f).put("fieldOfView", 0), "properties.fieldOfView"),
        rule("field of view 361", f -> props(f).put("fieldOfView", 361), "properties.fieldOfView"),
        rule("unknown area", f -> props(f).put("area", "private"), "properties.area"),
        rule("unknown zone", f -> props(f).put("zone", "school"), "properties.zone"),
        rule(
            "operator of 201 characters",
            f -> props(f).put("operator", "x".repeat(201)),
            "properties.operator"),
        rule("operator not text", f -> props(f).put("operator", 12), "properties.operator"),
        rule(
            "unknown operator type",
            f -> props(f).put("operatorType", "army"),
            "properties.operatorType"),
        rule("height 0", f -> props(f).put("height", 0), "properties.height"),
        rule("height 301", f -> props(f).put("height", 301), "properties.height"),
        rule("height as text", f -> props(f).put("height", "4 m"), "properties.height"),
        rule("VSA as text", f -> props(f).put("vsaSuspected", "yes"), "properties.vsaSuspected"),
        rule("VSA null", f -> props(f).putNull("vsaSuspected"), "properties.vsaSuspected"),
        rule(
            "evidence of 4001 characters",
            f -> props(f).put("vsaEvidence", "e".repeat(4001)),
            "properties.vsaEvidence"),
        rule(
            "notes of 2001 characters",
            f -> props(f).put("notes", "n".repeat(2001)),
            "properties.notes"),
        rule(
            "notes with a NUL character",
            f -> props(f).put("notes", "a\u0000b"),
            "properties.notes"),
        rule(
            "city code",
            f -> props(f).putObject("city").put("code", "75056"),
            "properties.city.code"),
        rule("city not an object", f -> props(f).put("city", "Paris"), "properties.city"),
        rule(
            "city name of 201 characters",
            f -> props(f).putObject("city").put("name", "c".repeat(201)),
            "properties.city.name"),
        rule(
            "observed tomorrow's tomorrow",
            f -> props(f).put("observedAt", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString()),
            "properties.observedAt"),
        rule(
            "observed before 1990",
            f -> props(f).put("observedAt", "1989-12-31"),
            "properties.observedAt"),
        rule(
            "observed on no date",
            f -> props(f).put("observedAt", "2025-02-30"),
            "properties.observedAt"),
        rule(
            "clientId not a UUID",
            f -> props(f).put("clientId", "my-phone"),
            "properties.clientId"),
        rule(
            "status chosen by the walker",
            f -> props(f).put("status", "approved"),
            "properties.status"),
        rule(
            "checkDate chosen by the walker",
            f -> props(f).put("checkDate", "2025-01-01"),
            "properties.checkDate"),
        rule(
            "source chosen by the walker",
            f -> props(f).put("source", "moderator"),
            "properties.source"),
        rule("version on creation", f -> props(f).put("version", 3), "properties.version"),
        rule("unknown property", f -> props(f).put("brand", "Hikvision"), "properties.brand"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSubmissions")
  void shouldRefuseAndStoreNothing(String rule, Consumer<ObjectNode> breakIt, String field) {
    ObjectNode sent = feature(MONTPELLIER_COMEDIE);
    breakIt.accept(sent);
    submit(sent)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("title", equalTo("Invalid sighting"))
        .body("errors.field", hasItem(field));
    assertEquals(0, fixtures.count());
  }

  @Test
  void shouldRefuseMalformedJson() {
    given()
        .contentType("application/geo+json")
        .body("{\"type\": \"Feature\", ")
        .post("/api/sightings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed-json"))
        .body("detail", not(containsString("Jackson")));
    assertEquals(0, fixtures.count());
  }

  @Test
  void shouldRefuseDuplicateKeysAndTrailingGarbage() {
    String duplicate =
        feature(MONTPELLIER_COMEDIE)
            .toString()
            .replace("{\"type\":\"Feature\",", "{\"type\":\"Feature\",\"type\":\"Feature\",");
    given()
        .contentType("application/json")
        .body(duplicate)
        .post("/api/sightings")
        .then()
        .statusCode(400);
    given()
        .contentType("application/json")
        .body(feature(MONTPELLIER_COMEDIE) + " {}")
        .post("/api/sightings")
        .then()
        .statusCode(400);
    assertEquals(0, fixtures.count());
  }

  @Test
  void shouldReadUtf8AndHonourADeclaredCharset() {
    ObjectNode sent = feature(MONTPELLIER_COMEDIE);
    properties(sent).put("notes", "Caméra près de l'Opéra");
    for (String charset : java.util.List.of("UTF-8", "ISO-8859-1", "UTF-16")) {
      given()
          .contentType("application/geo+json; charset=" + charset)
          .body(sent.toString())
          .post("/api/sightings")
          .then()
          .statusCode(201)
          .body("properties.notes", equalTo("Caméra près de l'Opéra"));
    }
    given()
        .contentType("application/geo+json; charset=klingon")
        .body(sent.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/api/sightings")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    assertEquals(3, fixtures.count());
  }

  @Test
  void shouldRefuseAnEmptyBody() {
    given()
        .contentType("application/json")
        .post("/api/sightings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    assertEquals(0, fixtures.count());
  }

  @Test
  void shouldRefuseABodyThatIsNotAnObject() {
    given()
        .contentType("application/json")
        .body("[1, 2]")
        .post("/api/sightings")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    assertEquals(0, fixtures.count());
  }

  @Test
  void shouldRefuseAnotherContentType() {
    given()
        .contentType("text/plain")
        .body(feature(MONTPELLIER_COMEDIE).toString())
        .post("/api/sightings")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("status", equalTo(415));
    given()
        .contentType("application/x-www-form-urlencoded")
        .body("type=Feature")
        .post("/api/sightings")
        .then()
        .statusCode(415);
    assertEquals(0, fixtures.count());
  }

  @Test
  void shouldRefuseABodyOverTheCapWhetherItsSizeIsDeclaredOrNot() {
    ObjectNode sent = feature(MONTPELLIER_COMEDIE);
    properties(sent).put("notes", "n".repeat(70_000));
    byte[] body = sent.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    given()
        .contentType("application/geo+json")
        .body(body)
        .post("/api/sightings")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/body-too-large"));
    // An InputStream body is sent chunked, without Content-Length.
    given()
        .contentType("application/geo+json")
        .body(new ByteArrayInputStream(body))
        .post("/api/sightings")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    // Far above the HTTP layer's own limit too.
    given()
        .contentType("application/geo+json")
        .body(new byte[3 * 1024 * 1024])
        .post("/api/sightings")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    assertEquals(0, fixtures.count());
  }

  private static Arguments rule(String name, Consumer<ObjectNode> breakIt, String field) {
    return Arguments.of(name, breakIt, field);
  }

  private static ObjectNode props(ObjectNode feature) {
    return properties(feature);
  }

  private static com.fasterxml.jackson.databind.node.ArrayNode coordinates(ObjectNode feature) {
    return (com.fasterxml.jackson.databind.node.ArrayNode)
        feature.get("geometry").get("coordinates");
  }

  private static void nineDirections(ObjectNode properties) {
    var directions = properties.putArray("directions");
    for (int i = 0; i < 9; i++) {
      directions.add(i * 40);
    }
  }
}
