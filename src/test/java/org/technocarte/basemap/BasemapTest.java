package org.technocarte.basemap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.technocarte.export.Gdal;

/** The base map's low zooms, served by the app itself, read back by GDAL's MVT driver. */
@QuarkusTest
class BasemapTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The zoom-5 tile over France (Brittany to the Alps, Flanders to the Pyrenees). */
  private static final int[] FRANCE_Z5 = {5, 16, 11};

  private final BasemapData data;
  private final AgroalDataSource database;

  BasemapTest(BasemapData data, AgroalDataSource database) {
    this.data = data;
    this.database = database;
  }

  @Test
  void shouldDrawTheLandBordersAndCitiesOfFranceAtZoomFive() throws Exception {
    given()
        .get("/basemap/5/16/11.mvt")
        .then()
        .statusCode(200)
        .contentType(BasemapResource.MVT)
        .header("Cache-Control", "public, max-age=86400");
    assertFalse(features(FRANCE_Z5, "earth").isEmpty(), "France is land");
    List<JsonNode> borders = features(FRANCE_Z5, "boundaries");
    assertFalse(borders.isEmpty(), "France has borders with its neighbours");
    assertTrue(
        borders.stream().allMatch(b -> b.path("properties").path("kind_detail").asInt() == 2),
        "country borders are admin level 2: " + borders.get(0));
    List<JsonNode> places = features(FRANCE_Z5, "places");
    JsonNode paris =
        places.stream()
            .filter(p -> p.path("properties").path("name").asText().equals("Paris"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("Paris is labelled at zoom 5"));
    assertEquals("locality", paris.path("properties").path("kind").asText());
    JsonNode at = paris.path("geometry").path("coordinates");
    assertEquals(2.35, at.get(0).asDouble(), 0.05);
    assertEquals(48.85, at.get(1).asDouble(), 0.05);
    assertTrue(
        places.stream().noneMatch(p -> p.path("properties").path("min_zoom").asInt() > 5),
        "no village yet at zoom 5");
  }

  @Test
  void shouldAnswerAnEmptyTileOverTheOpenSea() {
    // Mid-Atlantic at zoom 10.
    byte[] tile =
        given().get("/basemap/10/412/380.mvt").then().statusCode(200).extract().asByteArray();
    assertEquals(0, tile.length);
  }

  @Test
  void shouldRefuseCoordinatesThatAreNoTile() {
    for (String path : List.of("5/abc/3", "5/1/-1", "x/0/0", "5/1.5/3")) {
      given()
          .get("/basemap/" + path + ".mvt")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("code", equalTo("bad-parameter"));
    }
    for (String path : List.of("11/0/0", "1/2/0", "1/0/2", "99999/1/1")) {
      given()
          .get("/basemap/" + path + ".mvt")
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
  }

  @Test
  void shouldServeNoStreetsWhenNoExtractIsConfigured() {
    given()
        .header("Range", "bytes=0-16383")
        .get("/basemap/streets.pmtiles")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().get("/api/config").then().body("tileUrl", nullValue()).body("streetsUrl", nullValue());
  }

  @Test
  void shouldLoadTheBaseMapOnceAndFast() throws SQLException {
    assertFalse(data.load(), "already loaded at start: nothing to do");
    long before = count("basemap_earth");
    execute("DELETE FROM basemap_source");
    long began = System.nanoTime();
    assertTrue(data.load(), "a changed source is loaded again");
    long millis = (System.nanoTime() - began) / 1_000_000;
    System.out.println("Base map (re)loaded in " + millis + " ms");
    assertTrue(millis < 10_000, "one statement a table, not a row at a time: " + millis + " ms");
    assertEquals(before, count("basemap_earth"), "replaced, not added to");
    assertTrue(count("basemap_earth") > 1000, "the land of Natural Earth 1:50m");
    assertTrue(count("basemap_boundary") > 100, "its country borders");
    assertTrue(count("basemap_place") > 100_000, "the gazetteer's places");
  }

  private long count(String table) throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT count(*) FROM " + table)) {
      row.next();
      return row.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The features of one layer of a tile, as GeoJSON in WGS 84. */
  private static List<JsonNode> features(int[] zxy, String layer) throws Exception {
    Gdal.assumeInstalled();
    int z = zxy[0];
    int x = zxy[1];
    int y = zxy[2];
    byte[] tile =
        given()
            .get("/basemap/" + z + "/" + x + "/" + y + ".mvt")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    return Gdal.tileFeatures(tile, z, x, y, layer);
  }
}
