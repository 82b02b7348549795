package org.technocarte.export;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.technocarte.export.ResearchFixtures.get;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every filter means the same in every format: the ids of GeoJSON and CSV, the nodes of OSM. */
@QuarkusTest
class ExportFiltersTest {

  private final ResearchFixtures fixtures;

  ExportFiltersTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    fixtures.load();
  }

  @Test
  void shouldFilterByBox() {
    expect("bbox=3.87,43.60,3.89,43.62", fixtures.comedie(), fixtures.gare());
    // The south-west corner exactly on the Gare: the edge is inside.
    expect("bbox=3.87631,43.60478,3.88,43.61", fixtures.comedie(), fixtures.gare());
    expect("bbox=2.3,48.8,2.4,48.9", fixtures.republique());
  }

  @Test
  void shouldNotCapTheBoxOfAnExport() {
    expect("bbox=-180,-90,180,90", fixtures.comedie(), fixtures.gare(), fixtures.republique());
  }

  @Test
  void shouldFilterByCity() {
    expect("city=" + ResearchFixtures.MONTPELLIER, fixtures.comedie(), fixtures.gare());
  }

  @Test
  void shouldFilterByTypesGivenAsLists() {
    expect("surveillanceType=alpr", fixtures.gare());
    expect(
        "surveillanceType=alpr,camera", fixtures.comedie(), fixtures.gare(), fixtures.republique());
    expect("cameraType=dome,panning", fixtures.comedie(), fixtures.republique());
    expect("cameraType=fixed&surveillanceType=camera");
  }

  @Test
  void shouldFilterBySuspectedVsa() {
    expect("vsaSuspected=true", fixtures.comedie());
    expect("vsaSuspected=false", fixtures.gare(), fixtures.republique());
  }

  @Test
  void shouldFilterByTheDateSeenInclusive() {
    expect("observedSince=2025-03-01", fixtures.comedie(), fixtures.gare());
    expect("observedSince=2025-03-02", fixtures.gare());
  }

  @Test
  void shouldFilterByTheLastChange() {
    fixtures.setUpdatedAt(fixtures.comedie(), "2020-01-01T00:00:00Z");
    fixtures.setUpdatedAt(fixtures.gare(), "2021-06-15T12:00:00Z");
    fixtures.setUpdatedAt(fixtures.republique(), "2022-01-01T00:00:00Z");
    expect("updatedSince=2021-06-15", fixtures.gare(), fixtures.republique());
    expect("updatedSince=2021-06-15T12:00:01Z", fixtures.republique());
  }

  @Test
  void shouldRefuseBadValuesNamingEachParameter() {
    for (String format : List.of("geojson", "csv", "osm", "gpkg")) {
      get("/api/export/sightings."
              + format
              + "?bbox=3,44,2,43&cameraType=round&vsaSuspected=yes&observedSince=yesterday"
              + "&updatedSince=2026-13-01")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body(
              "errors.field",
              containsInAnyOrder(
                  "bbox", "cameraType", "vsaSuspected", "observedSince", "updatedSince"));
    }
    get("/api/export/sightings.csv?city=1&city=2")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("city"));
  }

  @Test
  void shouldRefuseACityNameAndSayWhereToFindItsCode() {
    for (String path : List.of("/api/export/sightings.csv", "/api/sightings")) {
      get(path + "?city=Montpellier&bbox=3.8,43.5,3.9,43.7")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("city"))
          .body("errors[0].message", containsString("2992166"))
          .body("errors[0].message", containsString("/api/places?q="));
    }
  }

  @Test
  void shouldNameAFilteredFileAfterItsFilters() {
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    get("/api/export/sightings.csv?city=" + ResearchFixtures.MONTPELLIER + "&vsaSuspected=true")
        .then()
        .statusCode(200)
        .header(
            "Content-Disposition",
            equalTo(
                "attachment; filename=\"technocarte-sightings-"
                    + today
                    + "-city-"
                    + ResearchFixtures.MONTPELLIER
                    + "-vsa-ODbL-1.0.csv\""));
    get("/api/export/sightings.geojson?cameraType=fixed,dome")
        .then()
        .statusCode(200)
        .header(
            "Content-Disposition",
            equalTo(
                "attachment; filename=\"technocarte-sightings-" + today + "-dome-fixed.geojson\""));
  }

  /** The same ids come out of GeoJSON, CSV and GeoPackage, and as many nodes out of OSM. */
  private void expect(String query, long... ids) {
    Set<Long> expected = new TreeSet<>();
    for (long id : ids) {
      expected.add(id);
    }
    List<Number> geojson =
        get("/api/export/sightings.geojson?" + query)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("features.id", Number.class);
    assertEquals(expected, longs(geojson), "GeoJSON " + query);
    List<List<String>> csv =
        Csv.parse(
            get("/api/export/sightings.csv?" + query).then().statusCode(200).extract().asString());
    assertEquals(
        expected,
        longs(
            csv.subList(1, csv.size()).stream()
                .map(row -> (Number) Long.parseLong(row.get(0)))
                .toList()),
        "CSV " + query);
    String osm =
        get("/api/export/sightings.osm?" + query).then().statusCode(200).extract().asString();
    assertEquals(expected.size(), Osm.nodes(osm).size(), "OSM " + query);
    try (GeoPackageFile gpkg = new GeoPackageFile(GeoPackageExportTest.download("?" + query))) {
      List<Number> rows =
          gpkg.query("SELECT id FROM sightings").stream().map(r -> (Number) r.get("id")).toList();
      assertEquals(expected, longs(rows), "GeoPackage " + query);
    } catch (java.io.IOException | java.sql.SQLException e) {
      throw new AssertionError("reading the GeoPackage of " + query, e);
    }
  }

  private static Set<Long> longs(List<Number> numbers) {
    Set<Long> set = new TreeSet<>();
    numbers.forEach(n -> set.add(n.longValue()));
    return set;
  }
}
