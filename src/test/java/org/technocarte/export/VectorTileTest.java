package org.technocarte.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.export.ResearchFixtures.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.ApprovedSightings;
import org.technocarte.sighting.SightingFixtures;

/** The map's vector tiles, read back by GDAL's MVT driver, a real client. */
@QuarkusTest
class VectorTileTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResearchFixtures fixtures;

  VectorTileTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    fixtures.load();
  }

  @Test
  void shouldGatherTheApprovedCamerasOfTheWorldAtZoomZero() throws Exception {
    get("/tiles/sightings/0/0/0.mvt")
        .then()
        .statusCode(200)
        .contentType("application/vnd.mapbox-vector-tile")
        .header("Cache-Control", "public, max-age=300");
    List<JsonNode> cells = cells(0, 0, 0, "");
    assertEquals(3, sum(cells, "count"), "the three approved cameras, not the pending or rejected");
    assertEquals(1, sum(cells, "vsa"));
    assertEquals(1, sum(cells(0, 0, 0, "?vsaSuspected=true"), "count"));
    assertEquals(1, sum(cells(0, 0, 0, "?cameraType=panning"), "count"));
    assertEquals(2, sum(cells(0, 0, 0, "?city=" + ResearchFixtures.MONTPELLIER), "count"));
  }

  @Test
  void shouldPlaceEachCameraInItsOwnCellAtCityZoom() throws Exception {
    double[] comedie = SightingFixtures.MONTPELLIER_COMEDIE;
    int z = 14;
    int x = tileX(comedie[0], z);
    int y = tileY(comedie[1], z);
    List<JsonNode> cells = cells(z, x, y, "");
    assertEquals(2, cells.size(), "the Comédie and the Gare, 500 m apart: " + cells);
    JsonNode atComedie = nearest(cells, comedie);
    assertEquals(1, atComedie.path("properties").path("count").asInt());
    assertEquals(1, atComedie.path("properties").path("vsa").asInt());
    JsonNode position = atComedie.path("geometry").path("coordinates");
    assertTrue(
        Math.abs(position.get(0).asDouble() - comedie[0]) < 1e-4
            && Math.abs(position.get(1).asDouble() - comedie[1]) < 1e-4,
        "drawn where the camera is: " + position);
  }

  @Test
  void shouldAnswerAnEmptyTileWhereNoCameraIs() {
    // Mid-Atlantic at zoom 10.
    byte[] tile =
        get("/tiles/sightings/10/412/380.mvt").then().statusCode(200).extract().asByteArray();
    assertEquals(0, tile.length);
  }

  @Test
  void shouldRefuseTilesOutsideTheGridAndBadFilters() {
    for (String path : List.of("17/0/0", "1/2/0", "1/0/2", "3/x/1", "99999/1/1")) {
      get("/tiles/sightings/" + path + ".mvt")
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
    get("/tiles/sightings/0/0/0.mvt?colour=red")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("colour"));
    get("/tiles/sightings/0/0/0.mvt?cameraType=round")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cameraType"));
  }

  @Test
  void shouldCountACameraAtLowZoomOnceApprovedAndNoMoreOnceRemovedMergedMovedOrDeleted()
      throws Exception {
    // Zoom 8 is drawn from the cells the triggers keep counted; Montpellier's tile holds the
    // Comédie (suspected of VSA) and the Gare, not République in Paris.
    double[] comedie = SightingFixtures.MONTPELLIER_COMEDIE;
    int z = 8;
    int x = tileX(comedie[0], z);
    int y = tileY(comedie[1], z);
    assertEquals(2, sum(cells(z, x, y, ""), "count"));
    assertEquals(1, sum(cells(z, x, y, ""), "vsa"));

    long removed = fixtures.approved(SightingFixtures.feature(comedie));
    assertEquals(3, sum(cells(z, x, y, ""), "count"), "counted once approved");
    sql("UPDATE sighting SET status = 'removed', removed_on = current_date WHERE id = " + removed);
    assertEquals(2, sum(cells(z, x, y, ""), "count"), "no more once removed");

    long merged = fixtures.approved(SightingFixtures.feature(comedie));
    assertEquals(3, sum(cells(z, x, y, ""), "count"));
    sql(
        "UPDATE sighting SET status = 'merged', merged_into = "
            + fixtures.comedie()
            + " WHERE id = "
            + merged);
    assertEquals(2, sum(cells(z, x, y, ""), "count"), "no more once merged into the Comédie");

    long moved = fixtures.approved(SightingFixtures.feature(comedie));
    sql(
        "UPDATE sighting SET geom = ST_SetSRID(ST_MakePoint(2.36323, 48.86742), 4326) WHERE id = "
            + moved);
    assertEquals(2, sum(cells(z, x, y, ""), "count"), "no more once moved to Paris");
    sql("DELETE FROM sighting WHERE id = " + moved);
    assertEquals(3, sum(cells(0, 0, 0, ""), "count"), "the world: the three approved, once each");

    sql("UPDATE sighting SET vsa_suspected = false WHERE id = " + fixtures.comedie());
    assertEquals(0, sum(cells(z, x, y, ""), "vsa"), "a camera no longer suspected of VSA");
    // The cells say what the cameras themselves say (a filter that keeps them all reads them).
    for (int zoom : List.of(0, 5, 8, 10, 11, ApprovedSightings.CELL_MAX_ZOOM)) {
      int tx = tileX(comedie[0], zoom);
      int ty = tileY(comedie[1], zoom);
      assertEquals(
          drawn(cells(zoom, tx, ty, "?observedSince=1900-01-01")),
          drawn(cells(zoom, tx, ty, "")),
          "zoom " + zoom);
    }
  }

  @Test
  void shouldAnswerNotModifiedUntilTheTileChanges() {
    double[] comedie = SightingFixtures.MONTPELLIER_COMEDIE;
    int x = tileX(comedie[0], 8);
    int y = tileY(comedie[1], 8);
    String path = "/tiles/sightings/8/" + x + "/" + y + ".mvt";
    String tag = get(path).then().statusCode(200).extract().header("ETag");
    assertTrue(tag != null && tag.startsWith("\"") && tag.length() > 10, "a strong ETag: " + tag);
    byte[] body =
        given()
            .header("If-None-Match", tag)
            .get(path)
            .then()
            .statusCode(304)
            .header("ETag", equalTo(tag))
            .header("Cache-Control", "public, max-age=300")
            .extract()
            .asByteArray();
    assertEquals(0, body.length);
    given()
        .header("If-None-Match", tag)
        .get("/ogc/collections/sightings/tiles/WebMercatorQuad/8/" + y + "/" + x)
        .then()
        .statusCode(304);

    fixtures.approved(SightingFixtures.feature(comedie));
    String changed =
        given()
            .header("If-None-Match", tag)
            .get(path)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    assertNotEquals(tag, changed, "a new camera, a new tile");
  }

  @Test
  void shouldCountCellsUpToTheZoomTheAppReadsThemAt() throws Exception {
    assertEquals(
        ApprovedSightings.CELL_MAX_ZOOM,
        ((Number) fixtures.single("SELECT max(z) FROM sighting_cell")).intValue());
    // deploy/bench/pgbench measures PostgreSQL alone on the statements the app sends.
    String bench = Files.readString(Path.of("deploy/bench/pgbench/tile-cells.sql"));
    assertTrue(
        bench.replaceAll(":[a-z][a-z0-9]*", "?").contains(ApprovedSightings.CELL_TILE_SQL),
        "tile-cells.sql reads the cells as ApprovedSightings.cellTile does");
  }

  private void sql(String statement) {
    fixtures.execute(statement);
  }

  /** The tile's features as GeoJSON in WGS84, as GDAL reads them. */
  private static List<JsonNode> cells(int z, int x, int y, String query) throws Exception {
    Gdal.assumeInstalled();
    byte[] tile =
        get("/tiles/sightings/" + z + "/" + x + "/" + y + ".mvt" + query)
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    if (tile.length == 0) {
      return List.of();
    }
    return Gdal.tileFeatures(tile, z, x, y, VectorTiles.LAYER);
  }

  /** What a tile draws, in an order of its own: each cell's counts and place. */
  private static List<String> drawn(List<JsonNode> cells) {
    return cells.stream()
        .map(
            c ->
                c.path("properties").path("count").asInt()
                    + "/"
                    + c.path("properties").path("vsa").asInt()
                    + " at "
                    + c.path("geometry").path("coordinates"))
        .sorted()
        .toList();
  }

  private static int sum(List<JsonNode> cells, String property) {
    return cells.stream().mapToInt(c -> c.path("properties").path(property).asInt()).sum();
  }

  private static JsonNode nearest(List<JsonNode> cells, double[] place) {
    JsonNode best = null;
    double bestDistance = Double.MAX_VALUE;
    for (JsonNode cell : cells) {
      JsonNode c = cell.path("geometry").path("coordinates");
      double d = Math.hypot(c.get(0).asDouble() - place[0], c.get(1).asDouble() - place[1]);
      if (d < bestDistance) {
        bestDistance = d;
        best = cell;
      }
    }
    return best;
  }

  static int tileX(double lon, int z) {
    return (int) Math.floor((lon + 180) / 360 * (1 << z));
  }

  static int tileY(double lat, int z) {
    double r = Math.toRadians(lat);
    return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
  }
}
