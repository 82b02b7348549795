package org.technocarte.export;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.export.ResearchFixtures.get;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/** What researchers pick of the OGC items: their order, their properties, their geometry. */
@QuarkusTest
class OgcSelectionTest {

  private static final String ITEMS = "/ogc/collections/sightings/items";

  private final ResearchFixtures fixtures;

  OgcSelectionTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    fixtures.load();
  }

  @Test
  void shouldSortByAQueryableWithTheIdBreakingTies() {
    long c = fixtures.comedie();
    long g = fixtures.gare();
    long r = fixtures.republique();
    assertOrder(ITEMS + "?sortby=-observedAt", g, c, r);
    assertOrder(ITEMS + "?sortby=%2BobservedAt", r, c, g);
    // An unencoded '+' arrives as a space: still ascending.
    assertOrder(ITEMS + "?sortby=+observedAt", r, c, g);
    // Two more domes, seen the same day as the Comédie: they tie on both keys, and come by id.
    long d1 = fixtures.approved(SightingFixtures.feature(SightingFixtures.MONTPELLIER_COMEDIE));
    long d2 = fixtures.approved(SightingFixtures.feature(SightingFixtures.MONTPELLIER_COMEDIE));
    assertOrder(ITEMS + "?sortby=cameraType", c, d1, d2, g, r);
    assertOrder(ITEMS + "?sortby=cameraType,-id", d2, d1, c, g, r);
  }

  @Test
  void shouldPageThroughASortedListWithTheSameOrder() {
    fixtures.approved(SightingFixtures.feature(SightingFixtures.MONTPELLIER_GARE));
    fixtures.approved(SightingFixtures.feature(SightingFixtures.MONTPELLIER_GARE));
    List<Long> whole = ids(ITEMS + "?sortby=-cameraType,-id&limit=100");
    assertEquals(5, whole.size());
    List<Long> paged = new ArrayList<>();
    String next = ITEMS + "?sortby=-cameraType,-id&limit=2&properties=cameraType";
    while (next != null) {
      JsonPath page = get(next).then().statusCode(200).extract().jsonPath();
      page.getList("features.id", Number.class).forEach(n -> paged.add(n.longValue()));
      assertEquals(
          List.of("cameraType"), List.copyOf(page.getMap("features[0].properties").keySet()));
      next = page.getString("links.find { it.rel == 'next' }.href");
      if (next != null) {
        assertTrue(next.contains("sortby=-cameraType,-id") && next.contains("offset="), next);
        assertTrue(next.contains("properties=cameraType"), next);
      }
    }
    assertEquals(whole, paged);
  }

  @Test
  void shouldRefuseToSortOnWhatIsNotASortableQueryable() {
    for (String sortby : List.of("colour", "geometry", "city", "-", "observedAt,,id")) {
      get(ITEMS + "?sortby=" + sortby)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("sortby"));
    }
    get(ITEMS + "?sortby=id&after=3")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("after"));
    get(ITEMS + "?offset=-1").then().statusCode(400).body("errors[0].field", equalTo("offset"));
  }

  @Test
  void shouldKeepOnlyThePropertiesAskedAndDropTheGeometryWhenAsked() {
    JsonPath page =
        get(ITEMS + "?properties=cameraType,cityName&skipGeometry=true")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(3, page.getList("features").size());
    for (int i = 0; i < 3; i++) {
      assertEquals(
          List.of("cameraType", "cityName"),
          List.copyOf(page.getMap("features[" + i + "].properties").keySet()));
      assertNull(page.get("features[" + i + "].geometry"));
      assertTrue(page.getMap("features[" + i + "]").containsKey("geometry"));
    }
    get(ITEMS + "/" + fixtures.comedie() + "?properties=vsaSuspected&skipGeometry=true")
        .then()
        .statusCode(200)
        .body("properties", equalTo(Map.of("vsaSuspected", true)))
        .body("geometry", nullValue())
        .body("links.rel", hasItem("self"));
    get(ITEMS + "/" + fixtures.comedie() + "?skipGeometry=false")
        .then()
        .body("geometry.type", equalTo("Point"));
    get(ITEMS + "?properties=cameraType,editToken")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("properties"));
    get(ITEMS + "/" + fixtures.comedie() + "?properties=city")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("properties"));
    get(ITEMS + "?skipGeometry=yes")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("skipGeometry"));
  }

  @Test
  void shouldNameTheCityAsTheQueryablesAndFiltersDo() {
    get(ITEMS + "/" + fixtures.comedie())
        .then()
        .statusCode(200)
        .body("properties.cityCode", equalTo(ResearchFixtures.MONTPELLIER))
        .body("properties.cityName", equalTo("Montpellier"))
        .body("properties", not(org.hamcrest.Matchers.hasKey("city")));
    get("/ogc/collections/sightings/queryables")
        .then()
        .body("properties.cityCode.type", equalTo("string"))
        .body("properties.cityName.type", equalTo("string"));
    OgcApiTest.assertIds(
        ITEMS + "?filter=" + encode("cityName = 'Montpellier'"),
        fixtures.comedie(),
        fixtures.gare());
    OgcApiTest.assertIds(
        ITEMS + "?filter=" + encode("cityCode = '" + ResearchFixtures.MONTPELLIER + "'"),
        fixtures.comedie(),
        fixtures.gare());
    get(ITEMS + "?filter=" + encode("city = 'Montpellier'"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("filter"))
        .body("errors[0].message", containsString("cityCode or cityName"));
  }

  @Test
  void shouldDescribeTheFeaturesWithAJsonSchemaLinkedFromTheCollection() {
    String href =
        get("/ogc/collections/sightings")
            .then()
            .extract()
            .jsonPath()
            .getString("links.find { it.rel == 'describedby' }.href");
    assertTrue(href.endsWith("/ogc/collections/sightings/schema"), href);
    JsonPath schema =
        get("/ogc/collections/sightings/schema")
            .then()
            .statusCode(200)
            .contentType("application/schema+json")
            .extract()
            .jsonPath();
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.getString("$schema"));
    assertEquals("id", schema.getString("properties.id.x-ogc-role"));
    assertEquals("primary-geometry", schema.getString("properties.geometry.x-ogc-role"));
    assertEquals("primary-instant", schema.getString("properties.observedAt.x-ogc-role"));
    assertEquals("array", schema.getString("properties.directions.type"));
    // Exactly the properties an item has, plus its id and geometry.
    List<String> expected = new ArrayList<>(List.of("id", "geometry"));
    expected.addAll(
        get(ITEMS + "/" + fixtures.comedie())
            .then()
            .extract()
            .jsonPath()
            .getMap("properties")
            .keySet()
            .stream()
            .map(Object::toString)
            .toList());
    assertEquals(expected, List.copyOf(schema.getMap("properties").keySet()));
    get("/ogc/collections/sightings/schema?f=xml").then().statusCode(400);
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<Long> ids(String url) {
    List<Long> ids = new ArrayList<>();
    get(url)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("features.id", Number.class)
        .forEach(n -> ids.add(n.longValue()));
    return ids;
  }

  private static void assertOrder(String url, long... expected) {
    List<Long> want = new ArrayList<>();
    for (long id : expected) {
      want.add(id);
    }
    assertEquals(want, ids(url), url);
  }
}
