package org.technocarte.export;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.export.ResearchFixtures.get;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/** OGC API – Tiles over the map's vector tiles, read as QGIS and GDAL read them. */
@QuarkusTest
class OgcTilesTest {

  private static final String TILESET = "/ogc/collections/sightings/tiles/WebMercatorQuad";

  private final ResearchFixtures fixtures;

  @TestHTTPResource("/ogc")
  URL ogc;

  OgcTilesTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    fixtures.load();
  }

  @Test
  void shouldDescribeWebMercatorQuadAsTheStandardDoes() {
    get("/ogc/tileMatrixSets")
        .then()
        .statusCode(200)
        .body("tileMatrixSets.id", equalTo(List.of("WebMercatorQuad")))
        .body("tileMatrixSets[0].links[0].href", equalTo(ogc + "/tileMatrixSets/WebMercatorQuad"));
    get("/ogc/tileMatrixSets/WebMercatorQuad")
        .then()
        .statusCode(200)
        .body("uri", equalTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad"))
        .body("crs", equalTo("http://www.opengis.net/def/crs/EPSG/0/3857"))
        .body("tileMatrices", hasSize(25))
        .body("tileMatrices[0].scaleDenominator", equalTo(559082264.028717f))
        .body(
            "tileMatrices[0].pointOfOrigin",
            equalTo(List.of(-20037508.3427892f, 20037508.3427892f)))
        .body("tileMatrices[16].matrixWidth", equalTo(65536))
        .body("tileMatrices[16].tileWidth", equalTo(256));
  }

  @Test
  void shouldListTheVectorTileSetWithItsLimitsLayerAndTileTemplate() {
    get("/ogc/collections/sightings/tiles")
        .then()
        .statusCode(200)
        .body("tilesets", hasSize(1))
        .body("tilesets[0].dataType", equalTo("vector"))
        .body(
            "tilesets[0].links.href",
            hasItem(ogc + "/collections/sightings/tiles/WebMercatorQuad"));
    get(TILESET)
        .then()
        .statusCode(200)
        .body("dataType", equalTo("vector"))
        .body(
            "tileMatrixSetURI",
            equalTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad"))
        .body("tileMatrixSetLimits", hasSize(17))
        .body("tileMatrixSetLimits[16].tileMatrix", equalTo("16"))
        .body("tileMatrixSetLimits[16].maxTileRow", equalTo(65535))
        .body("layers[0].id", equalTo("sightings"))
        .body("layers[0].maxTileMatrix", equalTo("16"))
        .body("layers[0].propertiesSchema.properties.count.type", equalTo("integer"))
        .body(
            "links.find { it.rel == 'item' }.href",
            equalTo(
                ogc
                    + "/collections/sightings/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"))
        .body("links.find { it.rel == 'item' }.type", equalTo("application/vnd.mapbox-vector-tile"))
        .body("links.find { it.rel == 'item' }.templated", equalTo(true));
  }

  @Test
  void shouldServeTheSameTileAsTheMapWithRowAndColumnSwapped() {
    double[] comedie = SightingFixtures.MONTPELLIER_COMEDIE;
    int z = 14;
    int x = VectorTileTest.tileX(comedie[0], z);
    int y = VectorTileTest.tileY(comedie[1], z);
    byte[] map = get("/tiles/sightings/" + z + "/" + x + "/" + y + ".mvt").asByteArray();
    assertTrue(map.length > 0, "the Comédie's tile holds cameras");
    byte[] ogcTile =
        get(TILESET + "/" + z + "/" + y + "/" + x + "?vsaSuspected=false")
            .then()
            .statusCode(200)
            .contentType("application/vnd.mapbox-vector-tile")
            .header("Cache-Control", "public, max-age=300")
            .extract()
            .asByteArray();
    assertTrue(ogcTile.length > 0 && ogcTile.length < map.length, "the filters apply too");
    assertArrayEquals(map, get(TILESET + "/" + z + "/" + y + "/" + x).asByteArray());
  }

  @Test
  void shouldRefuseTilesOutsideTheLimitsAndBadFiltersAsProblems() {
    for (String path : List.of("17/0/0", "1/2/0", "1/0/2", "99999/1/1")) {
      get(TILESET + "/" + path).then().statusCode(404).contentType("application/problem+json");
    }
    get(TILESET + "/0/0/0?colour=red")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("colour"));
    get(TILESET + "?colour=red").then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void shouldBeLinkedFromTheLandingPageConformanceAndCollection() {
    get("/ogc")
        .then()
        .body(
            "links.find { it.rel == 'http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes' }.href",
            equalTo(ogc + "/tileMatrixSets"));
    get("/ogc/conformance")
        .then()
        .body(
            "conformsTo",
            hasItems(
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt"));
    get("/ogc/collections/sightings")
        .then()
        .body(
            "links.find { it.rel == 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector' }.href",
            equalTo(ogc + "/collections/sightings/tiles"));
  }

  @Test
  void shouldBeReadByGdalsMvtDriverWithTheLayerAndItsCells() throws Exception {
    Gdal.assumeInstalled();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("tile", ".mvt");
    try {
      java.nio.file.Files.write(
          file, get(TILESET + "/0/0/0").then().statusCode(200).extract().asByteArray());
      String info =
          Gdal.run(
              "ogrinfo", "-ro", "-al", "-oo", "Z=0", "-oo", "X=0", "-oo", "Y=0", file.toString());
      assertTrue(info.contains("Layer name: " + VectorTiles.LAYER), info);
      assertTrue(info.contains("count (Integer) = 2"), "the two cameras of Montpellier: " + info);
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }
}
