package org.technocarte.export;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.export.ResearchFixtures.get;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mil.nga.sf.Point;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

@QuarkusTest
class GeoPackageExportTest {

  private final ResearchFixtures fixtures;

  GeoPackageExportTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    fixtures.load();
  }

  static byte[] download(String query) {
    return get("/api/export/sightings.gpkg" + query).then().statusCode(200).extract().asByteArray();
  }

  @Test
  void shouldWriteOneTypedFeatureTableKeyedBySightingId() throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    byte[] bytes =
        get("/api/export/sightings.gpkg")
            .then()
            .statusCode(200)
            .contentType("application/geopackage+sqlite3")
            .header(
                "Content-Disposition",
                equalTo("attachment; filename=\"technocarte-sightings-" + today + ".gpkg\""))
            .header("Link", containsString("opendatacommons.org/licenses/odbl"))
            .extract()
            .asByteArray();
    try (GeoPackageFile gpkg = new GeoPackageFile(bytes)) {
      assertEquals(
          List.of(Map.of("table_name", "sightings", "srs_id", 4326, "geometry_type_name", "POINT")),
          gpkg.query("SELECT table_name, srs_id, geometry_type_name FROM gpkg_geometry_columns"));
      Map<String, Object> contents =
          gpkg.query("SELECT data_type, description FROM gpkg_contents").get(0);
      assertEquals("features", contents.get("data_type"));
      assertTrue(((String) contents.get("description")).contains("ODbL"), contents.toString());

      Map<String, String> types = gpkg.columnTypes("sightings");
      assertEquals("INTEGER", types.get("id"));
      assertEquals("POINT", types.get("geom"));
      assertEquals("TEXT", types.get("directions"));
      assertEquals("INTEGER", types.get("direction"));
      assertEquals("INTEGER", types.get("fieldOfView"));
      assertEquals("INTEGER", types.get("version"));
      assertEquals("DOUBLE", types.get("height"));
      assertEquals("BOOLEAN", types.get("vsaSuspected"));
      assertEquals("DATE", types.get("observedAt"));
      assertEquals("DATETIME", types.get("updatedAt"));
      assertTrue(
          types.keySet().containsAll(CsvWriter.HEADER.subList(4, CsvWriter.HEADER.size())),
          "every property of the CSV: " + types.keySet());

      List<Map<String, Object>> rows = gpkg.query("SELECT * FROM sightings ORDER BY id");
      assertEquals(
          fixtures.approvedIds(),
          rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList());
      Map<String, Object> comedie = rows.get(0);
      Point at = GeoPackageFile.point(comedie.get("geom"));
      assertEquals(SightingFixtures.MONTPELLIER_COMEDIE[0], at.getX(), 1e-9, "lon first");
      assertEquals(SightingFixtures.MONTPELLIER_COMEDIE[1], at.getY(), 1e-9);
      assertEquals("90;270", comedie.get("directions"));
      assertEquals(90, comedie.get("direction"));
      assertEquals(1, comedie.get("vsaSuspected"));
      assertEquals(4.5, comedie.get("height"));
      assertEquals("2025-03-01", comedie.get("observedAt"));
      assertEquals(ResearchFixtures.MONTPELLIER, comedie.get("cityCode"));
      assertEquals(ResearchFixtures.COMEDIE_NOTES, comedie.get("notes"));
      assertTrue(
          ((String) comedie.get("createdAt"))
              .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
          "ISO 8601 in UTC: " + comedie.get("createdAt"));
      Map<String, Object> gare = rows.get(1);
      assertEquals("90", gare.get("directions"));
      assertEquals(null, gare.get("height"));
      assertEquals(0, gare.get("vsaSuspected"));
      assertEquals(
          1,
          gpkg.query(
                  "SELECT count(*) AS n FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'")
              .get(0)
              .get("n"));
    }
  }

  @Test
  void shouldApplyTheExportFiltersAndNameTheFileAfterThem() throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    get("/api/export/sightings.gpkg?vsaSuspected=true")
        .then()
        .statusCode(200)
        .header(
            "Content-Disposition",
            equalTo("attachment; filename=\"technocarte-sightings-" + today + "-vsa.gpkg\""));
    try (GeoPackageFile gpkg =
        new GeoPackageFile(download("?city=" + ResearchFixtures.MONTPELLIER))) {
      assertEquals(
          List.of(fixtures.comedie(), fixtures.gare()),
          gpkg.query("SELECT id FROM sightings ORDER BY id").stream()
              .map(r -> ((Number) r.get("id")).longValue())
              .toList());
    }
    try (GeoPackageFile gpkg = new GeoPackageFile(download("?city=0000"))) {
      assertEquals(List.of(), gpkg.query("SELECT id FROM sightings"), "an empty, valid table");
    }
  }

  @Test
  void shouldLeaveBothDirectionColumnsEmptyForACameraLookingNowhereInParticular() throws Exception {
    ObjectNode feature = SightingFixtures.feature(SightingFixtures.MID_ATLANTIC);
    SightingFixtures.properties(feature).putArray("directions");
    long id = fixtures.approved(feature);
    try (GeoPackageFile gpkg = new GeoPackageFile(download("?bbox=-36,39,-34,41"))) {
      Map<String, Object> row =
          gpkg.query("SELECT id, directions, direction FROM sightings").get(0);
      assertEquals(id, ((Number) row.get("id")).longValue());
      assertNull(row.get("directions"), "no value, not an empty text");
      assertNull(row.get("direction"));
    }
  }

  @Test
  void shouldLeaveNoTemporaryFileBehind() throws Exception {
    long before = temporaryExports();
    download("");
    get("/api/export/sightings.gpkg?bbox=nonsense").then().statusCode(400);
    assertEquals(before, temporaryExports());
  }

  @Test
  void shouldBeCopiedByGdalKeepingTheIdsAndTheTypes() throws Exception {
    Gdal.assumeInstalled();
    try (GeoPackageFile gpkg = new GeoPackageFile(download(""))) {
      Path copy = Files.createTempFile("copy", ".gpkg");
      Files.delete(copy);
      try {
        Gdal.run("ogr2ogr", "-f", "GPKG", copy.toString(), gpkg.path.toString());
        String info = Gdal.run("ogrinfo", "-ro", "-al", "-so", copy.toString());
        assertTrue(info.contains("Feature Count: 3"), info);
        assertTrue(info.contains("FID Column = id"), info);
        assertTrue(info.contains("EPSG\",4326"), info);
        assertTrue(info.contains("direction: Integer"), info);
        assertTrue(info.contains("vsaSuspected: Integer(Boolean)"), info);
        assertTrue(info.contains("observedAt: Date"), info);
        assertTrue(info.contains("updatedAt: DateTime"), info);
        String one =
            Gdal.run(
                "ogrinfo",
                "-ro",
                "-al",
                "-fid",
                Long.toString(fixtures.comedie()),
                copy.toString());
        assertTrue(one.contains("directions (String) = 90;270"), one);
      } finally {
        Files.deleteIfExists(copy);
      }
    }
  }

  private static long temporaryExports() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("technocarte-export-"))
          .count();
    }
  }
}
