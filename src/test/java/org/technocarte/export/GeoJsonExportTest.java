package org.technocarte.export;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.export.ResearchFixtures.get;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GeoJsonExportTest {

  private final ResearchFixtures fixtures;

  GeoJsonExportTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    fixtures.load();
  }

  @Test
  void shouldExportEveryApprovedSightingAsRfc7946() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    get("/api/export/sightings.geojson")
        .then()
        .statusCode(200)
        .contentType("application/geo+json")
        .header(
            "Content-Disposition",
            equalTo("attachment; filename=\"technocarte-sightings-" + today + ".geojson\""))
        .header("Link", containsString("rel=\"license\""))
        .body("type", equalTo("FeatureCollection"))
        .body("license", equalTo("ODbL-1.0"))
        .body("attribution", equalTo("© Technocarte contributors"))
        .body("$", not(hasKey("crs")))
        .body(
            "features.id",
            containsInAnyOrder(
                (int) fixtures.comedie(), (int) fixtures.gare(), (int) fixtures.republique()))
        .body(
            "features.find { it.id == " + fixtures.comedie() + " }.geometry.coordinates",
            equalTo(List.of(3.87967f, 43.60851f)))
        .body(
            "features.find { it.id == " + fixtures.comedie() + " }.properties.directions",
            equalTo(List.of(90, 270)))
        .body(
            "features.find { it.id == " + fixtures.comedie() + " }.properties.vsaSuspected",
            equalTo(true))
        .body(
            "features.find { it.id == " + fixtures.comedie() + " }.properties.cityCode",
            equalTo(ResearchFixtures.MONTPELLIER))
        .body(
            "features.find { it.id == " + fixtures.comedie() + " }.properties.cityName",
            equalTo("Montpellier"))
        // The city is flat, as in the OGC API, the queryables and the CSV.
        .body("features.properties", everyItem(hasKey("cityCode")))
        .body("features.properties", everyItem(not(hasKey("city"))))
        .body(
            "features.find { it.id == " + fixtures.comedie() + " }.properties.notes",
            equalTo(ResearchFixtures.COMEDIE_NOTES))
        .body("features[0].properties", not(hasKey("editToken")));
  }

  @Test
  void shouldBeReadByGdalWithEveryFeature() throws Exception {
    Gdal.assumeInstalled();
    Path file = Files.createTempFile("export", ".geojson");
    try {
      Files.write(
          file,
          get("/api/export/sightings.geojson").then().statusCode(200).extract().asByteArray());
      String info = Gdal.run("ogrinfo", "-ro", "-so", "-al", file.toString());
      assertTrue(info.contains("Feature Count: 3"), info);
      assertTrue(info.contains("Geometry: Point"), info);
      assertTrue(info.contains("cityCode: String"), info);
      assertTrue(info.contains("cityName: String"), info);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void shouldAnswerAnEmptyCollectionWhenNothingMatches() {
    get("/api/export/sightings.geojson?city=0000")
        .then()
        .statusCode(200)
        .body("type", equalTo("FeatureCollection"))
        .body("features.size()", equalTo(0));
  }

  @Test
  void shouldRefuseAnUnknownParameterByName() {
    for (String format : List.of("geojson", "csv", "osm")) {
      get("/api/export/sightings." + format + "?limit=10&cameraType=dome")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", equalTo(List.of("limit")))
          .body("errors[0].message", startsWith("unknown parameter"));
    }
  }
}
