package org.technocarte.route;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
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
    var config = ConfigProvider.getConfig();
    URI url =
        URI.create(
            config
                .getValue("quarkus.datasource.jdbc.url", String.class)
                .substring("jdbc:".length()));
    ProcessBuilder import_ =
        new ProcessBuilder("deploy/routes/import.sh", "src/test/resources/routes/tiny.osm")
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target/street-import.log").toFile());
    import_.environment().put("PGHOST", url.getHost());
    import_.environment().put("PGPORT", String.valueOf(url.getPort()));
    import_.environment().put("PGDATABASE", url.getPath().substring(1));
    import_
        .environment()
        .put("PGUSER", config.getValue("quarkus.datasource.username", String.class));
    import_
        .environment()
        .put("PGPASSWORD", config.getValue("quarkus.datasource.password", String.class));
    Process run = import_.start();
    run.waitFor(120, TimeUnit.SECONDS);
    assertEquals(
        0,
        run.exitValue(),
        () -> {
          try {
            return java.nio.file.Files.readString(
                new File("target/street-import.log").toPath(), StandardCharsets.UTF_8);
          } catch (java.io.IOException e) {
            return e.toString();
          }
        });
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
}
