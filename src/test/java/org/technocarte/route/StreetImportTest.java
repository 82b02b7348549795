package org.technocarte.route;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;

/**
 * deploy/routes/import.sh on a crossroads made for the test (src/test/resources/routes/tiny.osm),
 * with osm2pgrouting (Debian's package, which CI installs) into the test database: the ways become
 * edges split at their crossings, and the least-watched way runs on them.
 */
@QuarkusTest
class StreetImportTest {

  @Inject ModerationFixtures fixtures;
  @Inject StreetGrid grid;

  @BeforeEach
  void empty() {
    fixtures.clear();
    grid.execute("DELETE FROM street_edge; DELETE FROM street_vertex");
  }

  @Test
  void shouldImportTheStreetsOfAnExtract() throws Exception {
    run("deploy/routes/import.sh", "src/test/resources/routes/tiny.osm");
    // Rue Haute (1-2-3) stops at the crossing, Rue Basse is split there (4-3, 3-5), the footway
    // 5-6 follows: four edges, both ways whatever the one-way sign.
    assertEquals(4, fixtures.count("SELECT count(*) FROM street_edge"));
    assertEquals(5, fixtures.count("SELECT count(*) FROM street_vertex"));
    assertEquals(
        2,
        fixtures.count(
            "SELECT count(*) FROM street_edge WHERE name = 'Rue Basse' AND osm_id = 11"));
    assertEquals(
        0,
        fixtures.count(
            "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'street_import'"));
    assertEquals(158.2, grid.number("SELECT length_m FROM street_edge WHERE osm_id = 10"), 0.5);

    // A dome at the crossing (node 3): every street sees 20 m of it.
    fixtures.execute(
        "INSERT INTO sighting (geom, surveillance_type, camera_type, status) VALUES"
            + " (ST_SetSRID(ST_MakePoint(1.712, 44.71), 4326), 'camera', 'dome', 'approved')");
    assertEquals(60, grid.number("SELECT sum(watched_m) FROM street_edge"), 0.5);
    // From the west end of Rue Haute to the end of the footway, against the one-way sign.
    Routes.json()
        .body("{\"from\":[1.71,44.71],\"to\":[1.713,44.711],\"maxDetour\":0.2}")
        .post("/api/routes/least-watched")
        .then()
        .statusCode(200)
        .body("shortest.exposure.lengthMetres", closeTo(158.2 + 111.2 + 79.0, 2.0))
        .body("shortest.exposure.watchedMetres", closeTo(40.0, 0.5))
        .body("shortest.exposure.cameras", hasSize(1));
  }

  /**
   * The README's way with a Geofabrik extract: a region as .osm.pbf (made here from tiny.osm and a
   * building, as osmium writes them), cut to a box with osmium extract, then imported: only the
   * streets of the box become edges. Needs osmium-tool.
   */
  @Test
  void shouldImportTheStreetsOfAGeofabrikExtractCutToABox() throws Exception {
    Assumptions.assumeTrue(
        new ProcessBuilder("sh", "-c", "command -v osmium").start().waitFor() == 0,
        "osmium-tool is not installed");
    Path region = Path.of("target/street-import/region-latest.osm.pbf");
    Files.createDirectories(region.getParent());
    Path withBuilding = region.resolveSibling("region.osm");
    Files.writeString(
        withBuilding,
        Files.readString(Path.of("src/test/resources/routes/tiny.osm"))
            // Nodes before ways, as in every extract (osmium extract reads them in that order).
            .replace(
                "  <way id=\"10\"",
                "  <node id=\"7\" version=\"1\" lat=\"44.7101\" lon=\"1.7101\"/>\n"
                    + "  <node id=\"8\" version=\"1\" lat=\"44.7101\" lon=\"1.7103\"/>\n"
                    + "  <node id=\"9\" version=\"1\" lat=\"44.7103\" lon=\"1.7103\"/>\n"
                    + "  <way id=\"10\"")
            .replace(
                "</osm>",
                "  <way id=\"13\" version=\"1\"><nd ref=\"7\"/><nd ref=\"8\"/>"
                    + "<nd ref=\"9\"/><nd ref=\"7\"/><tag k=\"building\" v=\"yes\"/></way>\n"
                    + "</osm>"));
    run("osmium", "cat", "--overwrite", "-o", region.toString(), withBuilding.toString());
    // The box holds nodes 1 to 4 (and the building), not 5 and 6: Rue Basse 4-3-5 reaches into it
    // and is kept whole (osmium's strategy complete_ways), the footway 5-6 is left out.
    Path city = region.resolveSibling("city.osm.pbf");
    run(
        "osmium",
        "extract",
        "--overwrite",
        "-b",
        "1.7095,44.7085,1.7125,44.7105",
        region.toString(),
        "-o",
        city.toString());
    run("deploy/routes/import.sh", city.toString());

    // Rue Haute 1-2-3 (one edge), Rue Basse 4-3 and 3-5; no footway, no building.
    assertEquals(3, fixtures.count("SELECT count(*) FROM street_edge"));
    assertEquals(0, fixtures.count("SELECT count(*) FROM street_edge WHERE osm_id IN (12, 13)"));
    assertEquals(
        2,
        fixtures.count(
            "SELECT count(*) FROM street_edge WHERE name = 'Rue Basse' AND osm_id = 11"));
    assertEquals(158.2, grid.number("SELECT length_m FROM street_edge WHERE osm_id = 10"), 0.5);
  }

  /**
   * Two neighbouring extracts in one import (tiny.osm and tiny-east.osm, which share the footway on
   * their border): one network holds the streets of both, the shared one once, and a route goes
   * from one to the other. Needs osmium-tool.
   */
  @Test
  void shouldMergeSeveralExtractsIntoOneNetwork() throws Exception {
    Assumptions.assumeTrue(
        new ProcessBuilder("sh", "-c", "command -v osmium").start().waitFor() == 0,
        "osmium-tool is not installed");
    run(
        "deploy/routes/import.sh",
        "src/test/resources/routes/tiny.osm",
        "src/test/resources/routes/tiny-east.osm");
    // Rue Haute, Rue Basse (two edges), the footway once, Rue Neuve 6-101-102.
    assertEquals(5, fixtures.count("SELECT count(*) FROM street_edge"));
    assertEquals(1, fixtures.count("SELECT count(*) FROM street_edge WHERE osm_id = 12"));
    assertEquals(1, fixtures.count("SELECT count(*) FROM street_edge WHERE name = 'Rue Neuve'"));
    // From the west end of Rue Haute (tiny.osm) to the east end of Rue Neuve (tiny-east.osm).
    Routes.json()
        .body("{\"from\":[1.71,44.71],\"to\":[1.715,44.711],\"maxDetour\":0.2}")
        .post("/api/routes/least-watched")
        .then()
        .statusCode(200)
        .body("shortest.exposure.lengthMetres", closeTo(158.2 + 111.2 + 79.0 + 158.0, 3.0));
  }

  /** Runs a command of the import, with the test database as libpq's environment. */
  private static void run(String... command) throws Exception {
    var config = ConfigProvider.getConfig();
    URI url =
        URI.create(
            config
                .getValue("quarkus.datasource.jdbc.url", String.class)
                .substring("jdbc:".length()));
    Path log = Path.of("target/street-import.log");
    ProcessBuilder process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    process.environment().put("PGHOST", url.getHost());
    process.environment().put("PGPORT", String.valueOf(url.getPort()));
    process.environment().put("PGDATABASE", url.getPath().substring(1));
    process
        .environment()
        .put("PGUSER", config.getValue("quarkus.datasource.username", String.class));
    process
        .environment()
        .put("PGPASSWORD", config.getValue("quarkus.datasource.password", String.class));
    Process running = process.start();
    running.waitFor(120, TimeUnit.SECONDS);
    assertEquals(
        0,
        running.exitValue(),
        () -> {
          try {
            return String.join(" ", command)
                + ":\n"
                + Files.readString(log, StandardCharsets.UTF_8);
          } catch (java.io.IOException e) {
            return e.toString();
          }
        });
  }
}
