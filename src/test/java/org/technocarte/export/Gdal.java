package org.technocarte.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs GDAL's command-line tools, a real client of our files and of the OGC API. */
public final class Gdal {

  private Gdal() {}

  /** Skips the calling test, saying why, when GDAL is not installed (CI installs gdal-bin). */
  public static void assumeInstalled() {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      found |= new File(dir, "ogrinfo").canExecute();
    }
    Assumptions.assumeTrue(
        found, "ogrinfo is not installed (apt-get install gdal-bin): GDAL checks skipped");
  }

  /**
   * The features of one layer of a Mapbox Vector Tile (tile z/x/y), as GDAL reads them, in WGS 84:
   * the tile goes through ogr2ogr to GeoJSON in a temporary folder, removed afterwards.
   */
  public static List<com.fasterxml.jackson.databind.JsonNode> tileFeatures(
      byte[] tile, int z, int x, int y, String layer) throws IOException, InterruptedException {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tile");
    try {
      java.nio.file.Path file = dir.resolve("tile.mvt");
      java.nio.file.Files.write(file, tile);
      java.nio.file.Path out = dir.resolve(layer + ".geojson");
      run(
          "ogr2ogr",
          "-f",
          "GeoJSON",
          "-t_srs",
          "EPSG:4326",
          "-oo",
          "Z=" + z,
          "-oo",
          "X=" + x,
          "-oo",
          "Y=" + y,
          out.toString(),
          file.toString(),
          layer);
      List<com.fasterxml.jackson.databind.JsonNode> all =
          List.copyOf(
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .readTree(out.toFile())
                  .path("features")
                  .findParents("type"));
      return all.stream().filter(f -> f.path("type").asText().equals("Feature")).toList();
    } finally {
      try (var files = java.nio.file.Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** Runs a command, fails the test if it does not succeed within a minute, returns its output. */
  public static String run(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(command));
    // Output goes to a file, so that a hung tool cannot block the test on a full pipe.
    File log = File.createTempFile("gdal", ".log");
    log.deleteOnExit();
    Process process =
        new ProcessBuilder(args)
            .redirectErrorStream(true)
            .redirectOutput(log)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", args) + " did not finish within 60 s");
    }
    String text = java.nio.file.Files.readString(log.toPath(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), String.join(" ", args) + " failed:\n" + text);
    return text;
  }
}
