package org.technocarte.export;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.export.OgcApiTest.assertIds;
import static org.technocarte.export.ResearchFixtures.get;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OGC API – Features Part 2: coordinates and boxes in CRS84, EPSG:4326, 3857 and 2154. */
@QuarkusTest
class OgcCrsTest {

  private static final String ITEMS = "/ogc/collections/sightings/items";
  private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

  private final ResearchFixtures fixtures;

  @Inject DataSource dataSource;

  OgcCrsTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    fixtures.load();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void shouldListTheCrsOfTheCollectionAndDeclarePart2() {
    get("/ogc/conformance")
        .then()
        .body("conformsTo", hasItem("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"));
    List<String> all = List.of(CRS84, EPSG + "4326", EPSG + "3857", EPSG + "2154");
    get("/ogc/collections/sightings")
        .then()
        .statusCode(200)
        .body("crs", equalTo(all))
        .body("storageCrs", equalTo(CRS84));
    get("/ogc/collections").then().body("collections[0].crs", equalTo(all));
    // The API definition offers the same to crs and bbox-crs.
    get("/ogc/api")
        .then()
        .body("components.schemas.OgcCrsUri.enum", equalTo(all))
        .body(
            "paths.'/collections/sightings/items'.get.responses.'200'.headers.'Content-Crs'.schema.type",
            equalTo("string"))
        .body(
            "paths.'/collections/sightings/items/{featureId}'.get.parameters.name", hasItem("crs"));
  }

  @Test
  void shouldAnswerInCrs84ByDefaultAndSayItInContentCrs() {
    get(ITEMS + "/" + fixtures.comedie())
        .then()
        .statusCode(200)
        .header("Content-Crs", "<" + CRS84 + ">")
        .body("geometry.coordinates", equalTo(List.of(3.87967f, 43.60851f)));
    get(ITEMS).then().statusCode(200).header("Content-Crs", "<" + CRS84 + ">");
  }

  @Test
  void shouldTransformTheCoordinatesToTheCrsAsked() {
    // EPSG:4326 is latitude first.
    JsonPath latLon =
        get(ITEMS + "/" + fixtures.comedie() + "?crs=" + q(EPSG + "4326"))
            .then()
            .statusCode(200)
            .header("Content-Crs", "<" + EPSG + "4326>")
            .extract()
            .jsonPath();
    assertEquals(List.of(43.60851, 3.87967), latLon.getList("geometry.coordinates", Double.class));
    // Lambert-93 and Web Mercator, as PostGIS (PROJ) computes them, to the millimetre.
    assertCoordinates(
        ITEMS + "/" + fixtures.comedie() + "?crs=" + q(EPSG + "2154"), 771038.168, 6279224.308);
    assertCoordinates(
        ITEMS + "?crs=" + q(EPSG + "3857") + "&bbox=2.3,48.8,2.4,48.9", 263073.560, 6252395.210);
    get(ITEMS + "?crs=" + q(EPSG + "2154"))
        .then()
        .statusCode(200)
        .header("Content-Crs", "<" + EPSG + "2154>")
        .body("numberMatched", equalTo(3));
  }

  @Test
  void shouldFilterByABoxInAnotherCrs() {
    // Around the Comédie and the Gare in Lambert-93 (metres), not Paris.
    assertIds(
        ITEMS + "?bbox=770000,6278000,772000,6280000&bbox-crs=" + q(EPSG + "2154"),
        fixtures.comedie(),
        fixtures.gare());
    // Only the Comédie: its box stops 100 m north of the Gare.
    assertIds(
        ITEMS + "?bbox=771000,6279000,771100,6279300&bbox-crs=" + q(EPSG + "2154"),
        fixtures.comedie());
    // Latitude first in EPSG:4326: Paris only.
    assertIds(
        ITEMS + "?bbox=48.8,2.3,48.9,2.4&bbox-crs=" + q(EPSG + "4326"), fixtures.republique());
    assertIds(
        ITEMS + "?bbox=262000,6251000,264000,6253000&bbox-crs=" + q(EPSG + "3857"),
        fixtures.republique());
    // Far outside the area of Lambert-93: nothing, not an error.
    assertIds(ITEMS + "?bbox=9e7,9e7,9.1e7,9.1e7&bbox-crs=" + q(EPSG + "2154"));
    assertIds(ITEMS + "?bbox=2.3,48.8,2.4,48.9&bbox-crs=" + q(CRS84), fixtures.republique());
  }

  /** The box is transformed, not the column: the GiST index answers a Lambert-93 box. */
  @Test
  void shouldAnswerABoxInLambert93FromTheGistIndex() throws Exception {
    String text =
        AntimeridianBBoxTest.plan(
            dataSource, Crs.EPSG_2154.box("770000,6278000,772000,6280000", "s.geom"));
    assertFalse(text.contains("Seq Scan"), text);
    assertTrue(text.contains("probe_geom_idx"), text);
  }

  @Test
  void shouldRefuseAnUnsupportedCrsNamingTheParameter() {
    get(ITEMS + "?crs=" + q("http://www.opengis.net/def/crs/EPSG/0/27572"))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("crs"));
    get(ITEMS + "/" + fixtures.comedie() + "?crs=EPSG:2154")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("crs"));
    get(ITEMS + "?bbox=1,2,3,4&bbox-crs=" + q("http://www.opengis.net/def/crs/0/unsupported"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("bbox-crs"));
    // Lambert-93 corners in the wrong order, and a latitude-first box out of range.
    get(ITEMS + "?bbox=772000,6280000,770000,6278000&bbox-crs=" + q(EPSG + "2154"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("bbox"));
    // Read latitude first, the longitude-first box of Montpellier lies off Africa: no camera.
    assertIds(ITEMS + "?bbox=3.8,43.6,3.9,43.7&bbox-crs=" + q(EPSG + "4326"));
    // Latitude first: 148.8 is no latitude (as CRS84 it would be a longitude).
    get(ITEMS + "?bbox=148.8,2.3,148.9,2.4&bbox-crs=" + q(EPSG + "4326"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("bbox"));
  }

  private static void assertCoordinates(String url, double x, double y) {
    // Read as doubles: REST Assured reads JSON numbers as floats by default.
    List<Double> xy =
        new JsonPath(get(url).then().statusCode(200).extract().asString())
            .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE))
            .getList(
                url.contains("/items/")
                    ? "geometry.coordinates"
                    : "features[0].geometry.coordinates",
                Double.class);
    assertEquals(x, xy.get(0), 0.001, url);
    assertEquals(y, xy.get(1), 0.001, url);
  }
}
