package org.technocarte.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.ApprovedSightings;
import org.technocarte.sighting.FeatureJson;
import org.technocarte.sighting.SightingFixtures;
import org.technocarte.sighting.SightingView;

/**
 * The map and the OGC API items send the features PostgreSQL writes (FeatureJson): they must say
 * what Jackson wrote of a SightingView before, member for member, in the same order, with the same
 * values, for the awkward rows too (nulls, escapes, whole numbers, fractions of a second).
 */
@QuarkusTest
class FeatureJsonTest {

  /** Around Montpellier, where every row below lies. */
  private static final String BOX = "3.80,43.55,3.95,43.70";

  private final SightingFixtures fixtures;
  private final ApprovedSightings sightings;
  private final ObjectMapper mapper;
  private final DataSource data;
  private final List<Long> ids = new ArrayList<>();

  FeatureJsonTest(
      SightingFixtures fixtures,
      ApprovedSightings sightings,
      ObjectMapper mapper,
      DataSource data) {
    this.fixtures = fixtures;
    this.sightings = sightings;
    this.mapper = mapper;
    this.data = data;
  }

  @BeforeEach
  void load() throws Exception {
    fixtures.clear();
    ids.clear();
    String columns =
        "geom, surveillance_type, camera_type, mount, directions, field_of_view, area, zone,"
            + " operator, operator_type, height, vsa_suspected, vsa_evidence, notes, city_code,"
            + " city_name, observed_at, check_date, status, removed_on, source, source_ref,"
            + " version, created_at, updated_at";
    String[] rows = {
      // Every field, texts that need escaping, a height with a trailing zero, a fraction of a
      // second with one.
      "ST_SetSRID(ST_MakePoint(3.87967, 43.60851), 4326), 'camera', 'dome', 'street_lamp',"
          + " '{0,90,359}', 360, 'public', 'town', 'Ville d''Orléans \"régie\"', 'public', 4.50,"
          + " true, 'https://example.org/vsa?a=1&b=2', E'Line one\\nline\\ttwo \\\\ </script> 🎥"
          + " \\u0001', '2992166', 'Montpellier', '2026-01-02', '2026-02-03', 'approved', NULL,"
          + " 'walker', NULL, 3, '2026-01-02 03:04:05.12+00', '2026-01-02 03:04:05+00'",
      // Nulls wherever they are allowed, a city with a name only, a whole height, coordinates
      // exact in binary, one microsecond.
      "ST_SetSRID(ST_MakePoint(3.875, 43.625), 4326), 'alpr', 'unknown', NULL, '{}', NULL, NULL,"
          + " NULL, NULL, NULL, 12, false, NULL, NULL, NULL, 'Lieu-dit', NULL, NULL, 'approved',"
          + " NULL, 'import', 'node/42', 0, '1999-12-31 23:59:59.000001+00',"
          + " '2000-01-01 00:00:00.999999+00'",
      // No city at all, another time zone written in UTC, a removed camera.
      "ST_SetSRID(ST_MakePoint(3.9, 43.6), 4326), 'guard', 'fixed', 'pole', '{180}', 60,"
          + " 'outdoor', 'parking', 'SNCF', 'transport', NULL, false, NULL, '', NULL, NULL,"
          + " '2025-06-30', '2025-07-01', 'removed', '2025-08-01', 'moderator', NULL, 7,"
          + " '2025-06-30 23:30:00+02', '2025-07-01 00:00:00.5-05'",
    };
    try (Connection c = data.getConnection();
        Statement statement = c.createStatement()) {
      for (String row : rows) {
        try (var result =
            statement.executeQuery(
                "INSERT INTO sighting (" + columns + ") VALUES (" + row + ") RETURNING id")) {
          result.next();
          ids.add(result.getLong(1));
        }
      }
    }
  }

  @Test
  void shouldWriteTheMapsFeaturesAsJacksonWroteThem() throws Exception {
    JsonNode answer =
        mapper.readTree(
            given()
                .get("/api/sightings?bbox=" + BOX + "&status=approved,removed")
                .then()
                .statusCode(200)
                .contentType("application/geo+json")
                .extract()
                .asString());
    assertEquals(
        List.of("type", "features", "numberReturned", "truncated"), names(answer), "members");
    assertEquals(3, answer.get("numberReturned").asInt());
    assertEquals(false, answer.get("truncated").asBoolean());
    assertEquals(3, answer.get("features").size());
    for (int i = 0; i < ids.size(); i++) {
      SightingView view = sightings.one(ids.get(i), "s.geom").orElseThrow();
      same(mapper.valueToTree(view), answer.get("features").get(i), "features[" + i + "]");
    }
  }

  @Test
  void shouldTellTruncatedWhenOneMoreMatches() throws Exception {
    JsonNode answer =
        mapper.readTree(
            given()
                .get("/api/sightings?bbox=" + BOX + "&status=approved,removed&limit=2")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertEquals(2, answer.get("numberReturned").asInt());
    assertEquals(2, answer.get("features").size());
    assertTrue(answer.get("truncated").asBoolean());
    assertEquals(ids.get(1).longValue(), answer.get("features").get(1).get("id").asLong());
  }

  @Test
  void shouldWriteTheOgcItemsAsTheShapeWroteThem() throws Exception {
    Map<String, FeatureShape> shapes = new HashMap<>();
    shapes.put("", FeatureShape.WHOLE);
    shapes.put(
        "&crs=http://www.opengis.net/def/crs/EPSG/0/2154&properties=notes,cityName,height",
        new FeatureShape(Crs.EPSG_2154, Set.of("notes", "cityName", "height"), false));
    shapes.put(
        "&crs=http://www.opengis.net/def/crs/EPSG/0/4326&skipGeometry=true",
        new FeatureShape(Crs.EPSG_4326, null, true));
    for (Map.Entry<String, FeatureShape> shape : shapes.entrySet()) {
      JsonNode answer =
          mapper.readTree(
              given()
                  .get("/ogc/collections/sightings/items?bbox=" + BOX + shape.getKey())
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString());
      // The removed camera is not an item.
      assertEquals(2, answer.get("features").size(), shape.getKey());
      assertEquals(2, answer.get("numberReturned").asInt());
      for (int i = 0; i < 2; i++) {
        SightingView view =
            sightings.one(ids.get(i), shape.getValue().crs().geometry("s.geom")).orElseThrow();
        same(
            shape.getValue().apply(view, mapper),
            answer.get("features").get(i),
            shape.getKey() + " features[" + i + "]");
      }
    }
  }

  @Test
  void shouldWriteTheGeoJsonExportAsJacksonWroteIt() throws Exception {
    JsonNode answer =
        mapper.readTree(
            given()
                .get("/api/export/sightings.geojson")
                .then()
                .statusCode(200)
                .contentType("application/geo+json")
                .extract()
                .asString());
    assertEquals(List.of("type", "license", "attribution", "features"), names(answer), "members");
    // The removed camera is not exported.
    assertEquals(2, answer.get("features").size());
    for (int i = 0; i < 2; i++) {
      SightingView view = sightings.one(ids.get(i), "s.geom").orElseThrow();
      same(
          mapper.valueToTree(FlatFeature.of(view)),
          answer.get("features").get(i),
          "features[" + i + "]");
    }
  }

  @Test
  void shouldBenchmarkTheSqlTheAppSends() throws Exception {
    // deploy/bench/pgbench measures PostgreSQL alone on the statements the app sends.
    String map = Files.readString(Path.of("deploy/bench/pgbench/map.sql"));
    assertTrue(
        map.contains("SELECT " + FeatureJson.MAP + " FROM sighting s WHERE "),
        "map.sql builds the map's features as ApprovedSightings.page does");
    String ogc = Files.readString(Path.of("deploy/bench/pgbench/ogc.sql"));
    assertTrue(
        ogc.contains("SELECT s.id, " + FeatureJson.FLAT + " FROM sighting s WHERE "),
        "ogc.sql builds the items as OgcService.items does");
  }

  /** Same members in the same order, same values; numbers equal as numbers (4.5 is 4.50). */
  private static void same(JsonNode expected, JsonNode actual, String path) {
    if (actual == null) {
      fail(path + ": missing");
    }
    if (expected.isNumber()) {
      assertTrue(actual.isNumber(), path + ": " + actual + " is not a number");
      assertEquals(expected.doubleValue(), actual.doubleValue(), 0.0, path);
      // The same number written the same way: 6 and 6.0 parse to an integer and a decimal node.
      assertEquals(
          expected.isIntegralNumber(),
          actual.isIntegralNumber(),
          path + ": " + expected + " written as " + actual);
    } else if (expected.isObject()) {
      assertTrue(actual.isObject(), path + ": " + actual + " is not an object");
      assertEquals(names(expected), names(actual), path + ": members");
      expected
          .fields()
          .forEachRemaining(
              m -> same(m.getValue(), actual.get(m.getKey()), path + "." + m.getKey()));
    } else if (expected.isArray()) {
      assertEquals(expected.size(), actual.size(), path + ": length");
      for (int i = 0; i < expected.size(); i++) {
        same(expected.get(i), actual.get(i), path + "[" + i + "]");
      }
    } else {
      assertEquals(expected, actual, path);
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
