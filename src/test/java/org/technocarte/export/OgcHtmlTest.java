package org.technocarte.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OGC API's web pages: for f=html and browsers, with the JSON kept for every client. */
@QuarkusTest
class OgcHtmlTest {

  private static final String ITEMS = "/ogc/collections/sightings/items";
  private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

  private final ResearchFixtures fixtures;

  OgcHtmlTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    fixtures.load();
  }

  private static String page(String path) {
    return given()
        .get(path)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .extract()
        .asString();
  }

  @Test
  void shouldServeEveryResourceAsAPageForFHtml() {
    assertTrue(page("/ogc?f=html").contains("href=\"" + base() + "/ogc/collections?f=html\""));
    String conformance = page("/ogc/conformance?f=html");
    assertTrue(
        conformance.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"),
        conformance);
    assertTrue(page("/ogc/collections?f=html").contains("Surveillance camera sightings"));
    String collection = page("/ogc/collections/sightings?f=html");
    assertTrue(collection.contains("http://www.opengis.net/def/crs/OGC/1.3/CRS84"), collection);
    assertTrue(collection.contains("/ogc/collections/sightings/items?f=html"), collection);
  }

  @Test
  void shouldServeAPageToABrowserAndJsonToClients() {
    given()
        .accept(BROWSER)
        .get("/ogc/collections")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"));
    // GDAL, QGIS and curl send no Accept, */* or JSON first: they keep the JSON.
    given().get("/ogc/collections").then().statusCode(200).contentType("application/json");
    given()
        .accept("application/json, text/html;q=0.5")
        .get("/ogc/collections")
        .then()
        .statusCode(200)
        .contentType("application/json");
    given()
        .accept(BROWSER)
        .get("/ogc/collections?f=json")
        .then()
        .statusCode(200)
        .contentType("application/json");
    given().accept(BROWSER).get(ITEMS).then().statusCode(200).contentType(startsWith("text/html"));
    given().get(ITEMS).then().statusCode(200).contentType("application/geo+json");
  }

  @Test
  void shouldPageTheItemsWithTheirMapAndLinkEachOne() {
    String first = page(ITEMS + "?f=html&limit=2");
    assertTrue(first.contains("2 of 3 matching sightings"), first);
    assertEquals(2, count(first, "<tr><td><a href="));
    assertTrue(first.contains("/items/" + fixtures.comedie() + "?f=html"), first);
    // The map draws the same page, as GeoJSON.
    assertTrue(first.contains("data-geojson=\"" + base() + ITEMS), first);
    assertTrue(first.contains("f=geojson"), first);
    Matcher next = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(first);
    assertTrue(next.find(), first);
    String second = page(next.group(1).replace("&amp;", "&").replace(base(), ""));
    assertTrue(second.contains("1 of 3 matching sightings"), second);
    assertFalse(second.contains("rel=\"next\""), second);
    // Filters apply as to the JSON: one camera suspected of VSA.
    String vsa =
        given()
            .queryParam("f", "html")
            .queryParam("filter", "vsaSuspected = true")
            .get(ITEMS)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(vsa.contains("1 of 1 matching sightings"), vsa);
  }

  @Test
  void shouldShowOneItemWithItsPropertiesEscaped() {
    String item = page(ITEMS + "/" + fixtures.comedie() + "?f=html");
    assertTrue(item.contains("Sighting " + fixtures.comedie()), item);
    assertTrue(item.contains("vsaEvidence"), item);
    // The notes hold quotes and a line break: escaped, never markup.
    assertTrue(item.contains("Près de l&#39;Opéra, &quot;dôme&quot; noir"), item);
    given()
        .get(ITEMS + "/" + fixtures.pending() + "?f=html")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldLoadTheStyleAndMapFromThisServerOnly() {
    String landing = page("/ogc?f=html");
    List<String> assets = new ArrayList<>();
    Matcher m = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"").matcher(landing);
    while (m.find()) {
      assets.add(m.group(1));
    }
    assertTrue(assets.stream().anyMatch(a -> a.endsWith(".js")), landing);
    assertTrue(assets.stream().anyMatch(a -> a.endsWith(".css")), landing);
    for (String asset : assets) {
      given().get(asset).then().statusCode(200);
    }
    // Every link to another host is a plain link (the OGC's specifications), never a resource.
    assertFalse(landing.matches("(?s).*(src|rel=\"stylesheet\" href)=\"https?://.*"), landing);
    given()
        .get("/ogc?f=html")
        .then()
        .header("Content-Security-Policy", containsString("script-src 'self'"))
        .body(not(containsString("<script>")));
  }

  @Test
  void shouldRefuseAnUnknownEncoding() {
    given()
        .get("/ogc/collections?f=xml")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("f"));
  }

  private static String base() {
    return "http://localhost:" + RestAssured.port;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
