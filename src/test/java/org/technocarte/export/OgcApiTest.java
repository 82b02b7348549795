package org.technocarte.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.export.ResearchFixtures.get;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

@QuarkusTest
class OgcApiTest {

  private static final String ITEMS = "/ogc/collections/sightings/items";

  private final ResearchFixtures fixtures;

  OgcApiTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    fixtures.load();
  }

  @Test
  void shouldLinkTheLandingPageToTheApiConformanceAndData() {
    get("/ogc")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("links.rel", hasItems("self", "service-desc", "conformance", "data"))
        .body("links.find { it.rel == 'service-desc' }.href", containsString("/ogc/api"))
        .body("links.find { it.rel == 'data' }.href", containsString("/ogc/collections"));
    get("/ogc?f=json").then().statusCode(200).contentType("application/json");
    get("/ogc?f=xml").then().statusCode(400).body("errors[0].field", equalTo("f"));
  }

  @Test
  void shouldDeclareTheConformanceClasses() {
    get("/ogc/conformance")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body(
            "conformsTo",
            hasItems(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text"));
  }

  @Test
  void shouldDescribeTheCollectionWithTheExtentOfTheData() {
    get("/ogc/collections")
        .then()
        .statusCode(200)
        .body("collections.id", equalTo(List.of("sightings")));
    JsonPath collection =
        get("/ogc/collections/sightings").then().statusCode(200).extract().jsonPath();
    // From the Paris camera (west, north) to the Comédie (east) and the Gare (south).
    assertEquals(
        List.of(2.36323f, 43.60478f, 3.87967f, 48.86742f),
        collection.getList("extent.spatial.bbox[0]"));
    assertEquals(
        List.of("2024-06-01T00:00:00Z", "2026-01-15T23:59:59Z"),
        collection.getList("extent.temporal.interval[0]"));
    assertEquals("feature", collection.getString("itemType"));
    assertEquals(
        List.of(
            "self",
            "alternate",
            "items",
            "http://www.opengis.net/def/rel/ogc/1.0/queryables",
            "describedby",
            "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
            "license"),
        collection.getList("links.rel"));
    get("/ogc/collections/cameras").then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void shouldPageThroughEveryItemOnceEvenWhenCamerasAreAddedMeanwhile() {
    for (int i = 0; i < 4; i++) {
      fixtures.approved(SightingFixtures.feature(SightingFixtures.MONTPELLIER_GARE));
    }
    long total = fixtures.approvedCount();
    List<Long> seen = new ArrayList<>();
    String next = ITEMS + "?limit=2";
    long addedMeanwhile = -1;
    while (next != null) {
      JsonPath page =
          given()
              .urlEncodingEnabled(false)
              .get(next)
              .then()
              .statusCode(200)
              .contentType("application/geo+json")
              .body("timeStamp", notNullValue())
              .body("links.rel", hasItems("self", "alternate"))
              .extract()
              .jsonPath();
      List<Number> ids = page.getList("features.id", Number.class);
      assertEquals(ids.size(), page.getInt("numberReturned"));
      ids.forEach(id -> seen.add(id.longValue()));
      if (addedMeanwhile < 0) {
        assertEquals(total, page.getLong("numberMatched"));
        addedMeanwhile =
            fixtures.approved(SightingFixtures.feature(SightingFixtures.MONTPELLIER_COMEDIE));
      }
      next = page.getString("links.find { it.rel == 'next' }.href");
    }
    List<Long> expected = new ArrayList<>(fixtures.idsWhere("true"));
    assertEquals(expected, seen, "every approved sighting once, in id order");
    assertEquals(total + 1, seen.size());
  }

  @Test
  void shouldClampALargeLimitRatherThanRefuseIt() {
    fixtures.insertApprovedCopies(10_001);
    get(ITEMS + "?limit=50000")
        .then()
        .statusCode(200)
        .body("numberReturned", equalTo(10_000))
        .body("numberMatched", equalTo(10_004))
        .body("links.rel", hasItem("next"));
    get(ITEMS).then().statusCode(200).body("numberReturned", equalTo(10));
    get(ITEMS + "?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    get(ITEMS + "?limit=ten").then().statusCode(400).body("errors[0].field", equalTo("limit"));
  }

  @Test
  void shouldSendAShortPageWholeAndStreamALongOneAlike() {
    fixtures.insertApprovedCopies(OgcService.WHOLE_PAGE_ITEMS + 5);
    String upToWhole = "?limit=" + OgcService.WHOLE_PAGE_ITEMS;
    String streamed = "?limit=" + (OgcService.WHOLE_PAGE_ITEMS + 1);
    io.restassured.response.Response wholePage = get(ITEMS + upToWhole);
    io.restassured.response.Response streamedPage = get(ITEMS + streamed);
    wholePage.then().statusCode(200).header("Transfer-Encoding", org.hamcrest.Matchers.nullValue());
    assertEquals(
        wholePage.asByteArray().length, Integer.parseInt(wholePage.header("Content-Length")));
    streamedPage.then().statusCode(200).header("Transfer-Encoding", "chunked");
    assertNull(streamedPage.header("Content-Length"));
    List<Long> wholeIds = wholePage.jsonPath().getList("features.id", Long.class);
    List<Long> streamedIds = streamedPage.jsonPath().getList("features.id", Long.class);
    assertEquals(OgcService.WHOLE_PAGE_ITEMS, wholeIds.size());
    assertEquals(OgcService.WHOLE_PAGE_ITEMS + 1, streamedIds.size());
    assertEquals(wholeIds, streamedIds.subList(0, wholeIds.size()));
    assertEquals(
        wholePage.jsonPath().getLong("numberMatched"),
        streamedPage.jsonPath().getLong("numberMatched"));
    assertEquals(
        wholePage.jsonPath().getMap("features[0]"), streamedPage.jsonPath().getMap("features[0]"));
  }

  @Test
  void shouldStreamAShortPageThatHoldsTooManyBytes() {
    // 600 cameras with notes of 2,000 characters: a page within the items, past the bytes.
    fixtures.insertApprovedCopies(600);
    fixtures.execute("UPDATE sighting SET notes = repeat('n', 2000) WHERE status = 'approved'");
    io.restassured.response.Response page = get(ITEMS + "?limit=" + OgcService.WHOLE_PAGE_ITEMS);
    page.then().statusCode(200).header("Transfer-Encoding", "chunked");
    assertTrue(page.asByteArray().length > OgcService.WHOLE_PAGE_BYTES);
    List<String> notes = page.jsonPath().getList("features.properties.notes", String.class);
    assertEquals(fixtures.approvedCount(), notes.size());
    assertEquals("n".repeat(2000), notes.get(notes.size() - 1));
  }

  @Test
  void shouldFilterItemsByBoxAndDate() {
    assertIds(ITEMS + "?bbox=3.87,43.60,3.89,43.62", fixtures.comedie(), fixtures.gare());
    assertIds(ITEMS + "?datetime=2025-03-01", fixtures.comedie());
    assertIds(ITEMS + "?datetime=2025-03-01T23:30:00Z", fixtures.comedie());
    assertIds(ITEMS + "?datetime=2025-03-01/..", fixtures.comedie(), fixtures.gare());
    assertIds(ITEMS + "?datetime=../2025-03-01", fixtures.republique(), fixtures.comedie());
    assertIds(ITEMS + "?datetime=2024-06-02/2026-01-14", fixtures.comedie());
    get(ITEMS + "?datetime=yesterday")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("datetime"));
  }

  @Test
  void shouldRefuseAnUnknownParameter() {
    get(ITEMS + "?cameraType=dome")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("cameraType"));
    get("/ogc/collections?limit=3").then().statusCode(400);
  }

  @Test
  void shouldAnswerInPlainJsonWhenAsked() {
    get(ITEMS + "?f=json").then().statusCode(200).contentType("application/json");
  }

  @Test
  void shouldAnswerOneApprovedItemAndHideTheOthers() {
    get(ITEMS + "/" + fixtures.comedie())
        .then()
        .statusCode(200)
        .contentType("application/geo+json")
        .body("id", equalTo((int) fixtures.comedie()))
        .body("properties.cameraType", equalTo("dome"))
        .body("links.rel", hasItems("self", "collection"))
        .body("properties", not(org.hamcrest.Matchers.hasKey("editToken")));
    for (String id :
        List.of(
            Long.toString(fixtures.pending()),
            Long.toString(fixtures.rejected()),
            "987654321",
            "abc")) {
      get(ITEMS + "/" + id).then().statusCode(404).contentType("application/problem+json");
    }
  }

  @Test
  void shouldListTheQueryablesAsJsonSchema() {
    JsonPath schema =
        get("/ogc/collections/sightings/queryables")
            .then()
            .statusCode(200)
            .contentType(containsString("json"))
            .extract()
            .jsonPath();
    assertEquals("object", schema.getString("type"));
    assertEquals(
        List.of("camera", "alpr", "guard", "other"),
        schema.getList("properties.surveillanceType.enum"));
    assertEquals("date", schema.getString("properties.observedAt.format"));
    assertNull(schema.get("properties.editToken"));
  }

  /** The ids {@code url} answers, in id order, are {@code ids}. */
  static void assertIds(String url, long... ids) {
    List<Long> expected = new ArrayList<>();
    for (long id : ids) {
      expected.add(id);
    }
    List<Long> actual = new ArrayList<>();
    get(url)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("features.id", Number.class)
        .forEach(n -> actual.add(n.longValue()));
    assertEquals(expected.stream().sorted().toList(), actual, url);
  }
}
