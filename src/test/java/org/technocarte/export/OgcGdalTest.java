package org.technocarte.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/** GDAL, the library behind QGIS, reads the OGC API as a real client. */
@QuarkusTest
class OgcGdalTest {

  @TestHTTPResource("/ogc")
  URL ogc;

  private final ResearchFixtures fixtures;

  OgcGdalTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    fixtures.load();
    for (int i = 0; i < 4; i++) {
      fixtures.approved(SightingFixtures.feature(SightingFixtures.MONTPELLIER_GARE));
    }
  }

  @Test
  void shouldListTheSightingsCollection() throws Exception {
    Gdal.assumeInstalled();
    String info = Gdal.run("ogrinfo", "-ro", "OAPIF:" + ogc);
    assertTrue(info.contains("sightings"), info);
  }

  @Test
  void shouldPullEveryFeaturePageByPage() throws Exception {
    Gdal.assumeInstalled();
    Path dir = Files.createTempDirectory("oapif");
    Path out = dir.resolve("out.geojson");
    try {
      // Pages of 2: the 7 approved sightings come in 4 pages through the next links.
      Gdal.run(
          "ogr2ogr",
          "-f",
          "GeoJSON",
          out.toString(),
          "OAPIF:" + ogc,
          "-oo",
          "PAGE_SIZE=2",
          "-preserve_fid",
          "sightings");
      String info = Gdal.run("ogrinfo", "-ro", "-so", "-al", out.toString());
      assertTrue(info.contains("Feature Count: 7"), info);
      String text = Files.readString(out);
      for (long id : fixtures.idsWhere("true")) {
        assertTrue(
            text.contains("\"id\": " + id) || text.contains("\"id\":" + id),
            "id " + id + " in " + text.substring(0, Math.min(1500, text.length())));
      }
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(dir);
    }
  }

  @Test
  void shouldFilterByALambert93BoxAndReprojectToLambert93() throws Exception {
    Gdal.assumeInstalled();
    Path dir = Files.createTempDirectory("oapif");
    Path out = dir.resolve("l93.geojson");
    try {
      // Montpellier in Lambert-93: the Comédie and the 5 cameras at the Gare, not Paris.
      Gdal.run(
          "ogr2ogr",
          "-f",
          "GeoJSON",
          out.toString(),
          "OAPIF:" + ogc,
          "-preserve_fid",
          "-spat",
          "760000",
          "6270000",
          "790000",
          "6290000",
          "-spat_srs",
          "EPSG:2154",
          "-t_srs",
          "EPSG:2154",
          "sightings");
      String info = Gdal.run("ogrinfo", "-ro", "-so", "-al", out.toString());
      assertTrue(info.contains("Feature Count: 6"), info);
      assertTrue(info.contains("Lambert-93"), info);
      io.restassured.path.json.JsonPath file =
          new io.restassured.path.json.JsonPath(Files.readString(out))
              .using(
                  new io.restassured.path.json.config.JsonPathConfig(
                      io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
      java.util.List<Double> xy =
          file.getList(
              "features.find { it.id == " + fixtures.comedie() + " }.geometry.coordinates",
              Double.class);
      // What PostGIS answers for crs=EPSG:2154 (OgcCrsTest), to the centimetre.
      assertEquals(771038.168, xy.get(0), 0.01);
      assertEquals(6279224.308, xy.get(1), 0.01);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(dir);
    }
  }
}
