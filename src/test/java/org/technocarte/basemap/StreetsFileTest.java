package org.technocarte.basemap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's PMTiles extract, served a range at a time as the map's reader asks for it. */
@QuarkusTest
@TestProfile(StreetsFileTest.WithExtract.class)
class StreetsFileTest {

  /** 1000 bytes, each its own index modulo 251, so that a slice shows where it was cut. */
  static final byte[] FILE = new byte[1000];

  static {
    for (int i = 0; i < FILE.length; i++) {
      FILE[i] = (byte) (i % 251);
    }
  }

  public static class WithExtract implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        Path file = Files.createTempFile("streets", ".pmtiles");
        file.toFile().deleteOnExit();
        Files.write(file, FILE);
        return Map.of("technocarte.map.pmtiles", file.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void shouldServeTheRangeAskedForByteForByte() {
    byte[] header =
        given()
            .header("Range", "bytes=0-126")
            .get("/basemap/streets.pmtiles")
            .then()
            .statusCode(206)
            .contentType(BasemapResource.PMTILES)
            .header("Content-Range", "bytes 0-126/1000")
            .header("Content-Length", "127")
            .header("Accept-Ranges", "bytes")
            .header("ETag", notNullValue())
            .extract()
            .asByteArray();
    assertArrayEquals(Arrays.copyOfRange(FILE, 0, 127), header);
    assertArrayEquals(
        Arrays.copyOfRange(FILE, 500, 1000), range("bytes=500-", "bytes 500-999/1000"));
    assertArrayEquals(
        Arrays.copyOfRange(FILE, 990, 1000), range("bytes=-10", "bytes 990-999/1000"));
    assertArrayEquals(
        Arrays.copyOfRange(FILE, 900, 1000),
        range("bytes=900-16383", "bytes 900-999/1000"),
        "a range past the end is cut at the end");
  }

  @Test
  void shouldServeTheWholeFileWithoutRange() {
    byte[] all =
        given()
            .get("/basemap/streets.pmtiles")
            .then()
            .statusCode(200)
            .header("Accept-Ranges", "bytes")
            .extract()
            .asByteArray();
    assertArrayEquals(FILE, all);
  }

  @Test
  void shouldRefuseRangesItCannotAnswer() {
    for (String range :
        new String[] {"bytes=1000-1001", "bytes=5-2", "bytes=0-1,5-6", "lines=1-2", "bytes=-0"}) {
      given()
          .header("Range", range)
          .get("/basemap/streets.pmtiles")
          .then()
          .statusCode(416)
          .contentType("application/problem+json")
          .header("Content-Range", "bytes */1000")
          .body("code", equalTo("range-not-satisfiable"));
    }
  }

  @Test
  void shouldTellTheMapWhereTheStreetsAre() {
    given().get("/api/config").then().body("streetsUrl", equalTo("/basemap/streets.pmtiles"));
  }

  private static byte[] range(String range, String contentRange) {
    return given()
        .header("Range", range)
        .get("/basemap/streets.pmtiles")
        .then()
        .statusCode(206)
        .header("Content-Range", contentRange)
        .extract()
        .asByteArray();
  }
}
