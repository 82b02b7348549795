package org.technocarte.route;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;

/**
 * POST /api/routes/exposure on the test grid, and the cameras' views (camera_view) and the streets'
 * watched metres kept up to date as cameras are approved, edited and removed.
 */
@QuarkusTest
class RouteExposureTest {

  @Inject ModerationFixtures fixtures;
  @Inject StreetGrid grid;

  @BeforeEach
  void grid() {
    fixtures.clear();
    grid.lay();
  }

  private String rue0() {
    return "{\"type\":\"LineString\",\"coordinates\":["
        + grid.corner(0, 0)
        + ","
        + grid.corner(2, 0)
        + ","
        + grid.corner(4, 0)
        + "]}";
  }

  @Test
  void shouldMeasureTheMetresUnderTheDomesOfRue0() {
    grid.domesOnRue0();
    Routes.json()
        .body(rue0())
        .post("/api/routes/exposure")
        .then()
        .statusCode(200)
        .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
        .body("lengthMetres", closeTo(400.0, 0.5))
        // Four discs of 20 m around points of the street: 4 × 40 m.
        .body("watchedMetres", closeTo(160.0, 1.0))
        .body("watchedShare", closeTo(0.4, 0.005))
        // 30 m, then 60 m between two domes (three times), then 30 m.
        .body("longestUnwatchedMetres", closeTo(60.0, 1.0))
        .body("cameras", hasSize(4))
        .body("cameras.cameraType", contains("dome", "dome", "dome", "dome"))
        .body("cameras.vsaSuspected", contains(false, true, false, false))
        .body("watched.type", equalTo("MultiLineString"))
        .body("watched.coordinates", hasSize(4))
        .body("unwatched.coordinates", hasSize(5));
  }

  @Test
  void shouldSeeNoCameraOnAStreetOutOfTheirReach() {
    grid.domesOnRue0();
    Routes.json()
        .body("{\"points\":[" + grid.corner(0, 1) + "," + grid.corner(4, 1) + "]}")
        .post("/api/routes/exposure")
        .then()
        .statusCode(200)
        .body("lengthMetres", closeTo(400.0, 0.5))
        .body("watchedMetres", equalTo(0.0))
        .body("longestUnwatchedMetres", closeTo(400.0, 0.5))
        .body("cameras", empty())
        .body("watched.coordinates", empty());
  }

  @Test
  void shouldTakeAFeatureOfALineString() {
    grid.domesOnRue0();
    Routes.json()
        .body("{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + rue0() + "}")
        .post("/api/routes/exposure")
        .then()
        .statusCode(200)
        .body("watchedMetres", closeTo(160.0, 1.0));
  }

  /** A fixed camera sees a sector; a dome without direction, a disc; a ceiling shortens both. */
  @Test
  void shouldDrawASectorPerDirectionAndADiscWithout() {
    fixtures.execute(
        "INSERT INTO sighting (id, geom, surveillance_type, camera_type, mount, directions,"
            + " field_of_view, status) VALUES"
            + " (9001, ST_SetSRID(ST_MakePoint(1.7, 44.7), 4326), 'camera', 'fixed', NULL, '{90}',"
            + " 60, 'approved'),"
            + " (9002, ST_SetSRID(ST_MakePoint(1.7, 44.7), 4326), 'camera', 'fixed', NULL,"
            + " '{0,180}', NULL, 'approved'),"
            + " (9003, ST_SetSRID(ST_MakePoint(1.7, 44.7), 4326), 'camera', 'dome', NULL, '{}',"
            + " NULL, 'approved'),"
            + " (9004, ST_SetSRID(ST_MakePoint(1.7, 44.7), 4326), 'camera', 'dome', 'ceiling',"
            + " '{}', NULL, 'approved'),"
            + " (9005, ST_SetSRID(ST_MakePoint(1.7, 44.7), 4326), 'camera', 'panning', 'pole',"
            + " '{45}', 30, 'approved')");
    // π r² × fov / 360, with r = 35 m for a fixed camera, 20 m for a dome, 10 m on a ceiling,
    // 100 m for a panning camera, which turns whatever its direction.
    assertArea(9001, Math.PI * 35 * 35 / 6);
    assertArea(9002, 2 * Math.PI * 35 * 35 / 6);
    assertArea(9003, Math.PI * 20 * 20);
    assertArea(9004, Math.PI * 10 * 10);
    assertArea(9005, Math.PI * 100 * 100);
    // The sector of 9001 looks east: its centroid is east of the camera.
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM camera_view WHERE sighting_id = 9001"
                + " AND ST_X(ST_Centroid(area)) > 1.7 AND abs(ST_Y(ST_Centroid(area)) - 44.7) < 1e-5"));
  }

  private void assertArea(long id, double expected) {
    double area =
        grid.number("SELECT ST_Area(area::geography) FROM camera_view WHERE sighting_id = " + id);
    assertEquals(expected, area, expected * 0.01, "area of the view of " + id);
  }

  @Test
  void shouldFollowTheCamerasThroughApprovalEditAndRemoval() {
    fixtures.execute(
        "INSERT INTO sighting (id, geom, surveillance_type, camera_type, status)"
            + " SELECT 9100, ST_LineInterpolatePoint(geom, 0.5), 'camera', 'dome', 'pending'"
            + " FROM street_edge WHERE source = 120 AND target = 130");
    assertEquals(0, fixtures.count("SELECT count(*) FROM camera_view"));
    assertEquals(0, grid.number("SELECT sum(watched_m) FROM street_edge"), 1e-9);

    fixtures.execute("UPDATE sighting SET status = 'approved' WHERE id = 9100");
    assertEquals(1, fixtures.count("SELECT count(*) FROM camera_view WHERE sighting_id = 9100"));
    assertEquals(40, watched(120, 130), 0.5);
    assertEquals(40, grid.number("SELECT sum(watched_m) FROM street_edge"), 0.5);

    // Moved onto the corner (2, 0): it sees 20 m of three streets.
    fixtures.execute(
        "UPDATE sighting SET geom = (SELECT geom FROM street_vertex WHERE id = 120)"
            + " WHERE id = 9100");
    assertEquals(20, watched(120, 130), 0.5);
    assertEquals(20, watched(110, 120), 0.5);
    assertEquals(20, watched(120, 121), 0.5);
    assertEquals(60, grid.number("SELECT sum(watched_m) FROM street_edge"), 0.5);

    // An edit of another field leaves the view alone.
    fixtures.execute("UPDATE sighting SET notes = 'au coin' WHERE id = 9100");
    assertEquals(1, fixtures.count("SELECT count(*) FROM camera_view"));

    fixtures.execute(
        "UPDATE sighting SET status = 'removed', removed_on = DATE '2026-05-01' WHERE id = 9100");
    assertEquals(0, fixtures.count("SELECT count(*) FROM camera_view"));
    assertEquals(0, grid.number("SELECT sum(watched_m) FROM street_edge"), 1e-9);

    fixtures.execute("UPDATE sighting SET status = 'approved', removed_on = NULL WHERE id = 9100");
    assertEquals(60, grid.number("SELECT sum(watched_m) FROM street_edge"), 0.5);
    fixtures.execute("DELETE FROM sighting WHERE id = 9100");
    assertEquals(0, fixtures.count("SELECT count(*) FROM camera_view"));
    assertEquals(0, grid.number("SELECT sum(watched_m) FROM street_edge"), 1e-9);
  }

  /** A bulk write (a COPY, an UPDATE of many rows) redraws each of its rows, once. */
  @Test
  void shouldRedrawEveryRowOfOneStatement() {
    fixtures.execute(
        "INSERT INTO sighting (id, geom, surveillance_type, camera_type, status)"
            + " SELECT 9200 + source, ST_LineInterpolatePoint(geom, 0.5), 'camera', 'dome',"
            + " 'pending' FROM street_edge WHERE name = 'Rue 2'");
    long rue2 = fixtures.count("SELECT count(*) FROM street_edge WHERE name = 'Rue 2'");
    assertEquals(0, fixtures.count("SELECT count(*) FROM camera_view"));

    fixtures.execute("UPDATE sighting SET status = 'approved' WHERE id > 9200");
    assertEquals(rue2, fixtures.count("SELECT count(*) FROM camera_view"));
    assertEquals(40 * rue2, grid.number("SELECT sum(watched_m) FROM street_edge"), 0.5 * rue2);

    // One statement: one camera moved onto the corner (2, 2), the notes of the others edited.
    fixtures.execute(
        "UPDATE sighting SET notes = 'vue', geom = CASE WHEN id = 9200 + 122 THEN (SELECT geom"
            + " FROM street_vertex WHERE id = 122) ELSE geom END WHERE id > 9200");
    assertEquals(rue2, fixtures.count("SELECT count(*) FROM camera_view"));
    // 20 m of the four streets at the corner instead of 40 m of one: 40 m more.
    assertEquals(40 * rue2 + 40, grid.number("SELECT sum(watched_m) FROM street_edge"), 0.5 * rue2);

    fixtures.execute("DELETE FROM sighting WHERE id > 9200");
    assertEquals(0, fixtures.count("SELECT count(*) FROM camera_view"));
    assertEquals(0, grid.number("SELECT sum(watched_m) FROM street_edge"), 1e-9);
  }

  private double watched(int source, int target) {
    return grid.number(
        "SELECT watched_m FROM street_edge WHERE source = " + source + " AND target = " + target);
  }
}
