package org.technocarte.common.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Every public read of approved data, as a client asks for it: what ReadConnections serves. */
final class PublicReads {

  private PublicReads() {}

  /** Montpellier in the gazetteer. */
  static final String MONTPELLIER = "2992166";

  /** A public read, and a piece of text its answer holds when it shows the sighting expected. */
  record Read(String name, String path, String expected) {

    /** Asserts a 200 whose body shows the sighting (a tile: not empty); returns the body. */
    String answersWithIt() {
      if (expected == null) {
        byte[] tile = given().get(path).then().statusCode(200).extract().asByteArray();
        assertTrue(tile.length > 0, name + ": an empty tile");
        return "";
      }
      return given()
          .get(path)
          .then()
          .statusCode(200)
          .body(containsString(expected))
          .extract()
          .asString();
    }
  }

  /**
   * The public reads over one approved sighting {@code id} at Montpellier's Comédie whose operator
   * is {@code operator}: each answer names the operator, or (counts) the city.
   */
  static List<Read> of(long id, String operator) {
    return List.of(
        new Read("map", "/api/sightings?bbox=3.86,43.60,3.89,43.62", operator),
        new Read("one sighting", "/api/sightings/" + id, operator),
        new Read("nearby", "/api/sightings/nearby?lon=3.87967&lat=43.60851&radius=50", operator),
        new Read("GeoJSON export", "/api/export/sightings.geojson", operator),
        new Read("CSV export", "/api/export/sightings.csv", operator),
        new Read("OSM export", "/api/export/sightings.osm", operator),
        new Read("OGC collection", "/ogc/collections/sightings", "\"spatial\""),
        new Read("OGC items", "/ogc/collections/sightings/items?limit=5", operator),
        new Read("OGC item", "/ogc/collections/sightings/items/" + id, operator),
        new Read("tile", "/tiles/sightings/5/16/11.mvt", null),
        new Read("statistics", "/api/stats", "\"cameras\":1,"),
        new Read("cities", "/api/cities", "\"code\":\"" + MONTPELLIER + "\""),
        new Read("city", "/api/cities/" + MONTPELLIER, "\"cameras\":1,"));
  }
}
