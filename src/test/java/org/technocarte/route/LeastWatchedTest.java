package org.technocarte.route;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;

/**
 * POST /api/routes/least-watched on the test grid with domes on Rue 0: from corner (0, 0) to (4, 0)
 * the shortest way is Rue 0 (400 m, 160 m watched); the only unwatched way is up Avenue 0, along
 * Rue 1 and down Avenue 4 (600 m, 50 % longer).
 */
@QuarkusTest
class LeastWatchedTest {

  @Inject ModerationFixtures fixtures;
  @Inject StreetGrid grid;

  @BeforeEach
  void grid() {
    fixtures.clear();
    grid.lay();
    grid.domesOnRue0();
  }

  private JsonPath ask(String from, String to, double detour) {
    return Routes.json()
        .body("{\"from\":" + from + ",\"to\":" + to + ",\"maxDetour\":" + detour + "}")
        .post("/api/routes/least-watched")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
        .extract()
        .jsonPath();
  }

  @Test
  void shouldKeepTheShortestWhenNoDetourIsLongEnough() {
    Routes.json()
        .body("{\"from\":" + grid.corner(0, 0) + ",\"to\":" + grid.corner(4, 0) + "}")
        .post("/api/routes/least-watched")
        .then()
        .statusCode(200)
        .body("maxDetour", closeTo(0.2, 1e-9))
        .body("shortest.exposure.lengthMetres", closeTo(400.0, 0.5))
        .body("shortest.exposure.watchedMetres", closeTo(160.0, 1.0))
        .body("shortest.exposure.cameras", hasSize(4))
        .body("shortest.geometry.type", equalTo("LineString"))
        .body("shortest.geometry.coordinates", hasSize(5))
        .body("leastWatched.exposure.lengthMetres", closeTo(400.0, 0.5))
        .body("leastWatched.exposure.watchedMetres", closeTo(160.0, 1.0))
        .body("detour", equalTo(0.0));
  }

  @Test
  void shouldGoAroundTheDomesWhenHalfAgainIsAllowed() {
    JsonPath answer = ask(grid.corner(0, 0), grid.corner(4, 0), 0.5);
    assertClose(400, answer.getDouble("shortest.exposure.lengthMetres"), 0.5);
    assertClose(600, answer.getDouble("leastWatched.exposure.lengthMetres"), 0.5);
    assertClose(0, answer.getDouble("leastWatched.exposure.watchedMetres"), 1e-9);
    assertClose(0.5, answer.getDouble("detour"), 0.001);
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(), answer.getList("leastWatched.exposure.cameras"));
    // Up Avenue 0, along Rue 1, down Avenue 4: the corners (0,0) (0,1) (1,1) … (4,1) (4,0).
    assertLine(
        answer.getList("leastWatched.geometry.coordinates"),
        grid.corner(0, 0),
        grid.corner(0, 1),
        grid.corner(1, 1),
        grid.corner(2, 1),
        grid.corner(3, 1),
        grid.corner(4, 1),
        grid.corner(4, 0));
  }

  /** With 0.3 the 600 m way is too long: only 400 m ways are allowed, all along Rue 0. */
  @Test
  void shouldNotExceedTheDetourAsked() {
    JsonPath answer = ask(grid.corner(0, 0), grid.corner(4, 0), 0.3);
    assertClose(400, answer.getDouble("leastWatched.exposure.lengthMetres"), 0.5);
    assertClose(160, answer.getDouble("leastWatched.exposure.watchedMetres"), 1);
  }

  /**
   * From (1, 1) to (3, 0) every shortest way is 300 m; those along Rue 0 pass domes, the one along
   * Rue 1 and down Avenue 3 passes none (the domes stand mid-block, 50 m from the avenues): with no
   * detour at all the answer still takes the unwatched one.
   */
  @Test
  void shouldPreferAnUnwatchedWayOfTheSameLength() {
    JsonPath answer = ask(grid.corner(1, 1), grid.corner(3, 0), 0.0);
    assertClose(300, answer.getDouble("leastWatched.exposure.lengthMetres"), 0.5);
    assertClose(0, answer.getDouble("leastWatched.exposure.watchedMetres"), 1e-9);
    assertClose(0, answer.getDouble("detour"), 1e-9);
  }

  /**
   * Points need not be at a corner: each goes to the nearest place on a street. 10 m north of Rue
   * 4, from 150 m to 350 m east: the route runs along Rue 4 from the place under the first point,
   * by the corners (2, 4) and (3, 4), to the place under the second, 200 m.
   */
  @Test
  void shouldStartAndEndMidBlock() {
    JsonPath answer = ask(grid.point(150, 410), grid.point(350, 410), 0.2);
    assertClose(200, answer.getDouble("shortest.exposure.lengthMetres"), 0.5);
    assertLine(
        answer.getList("shortest.geometry.coordinates"),
        grid.point(150, 400),
        grid.corner(2, 4),
        grid.corner(3, 4),
        grid.point(350, 400));
    assertClose(200, answer.getDouble("leastWatched.exposure.lengthMetres"), 0.5);
  }

  /** Both points on one block of Rue 4: the route is the 60 m of street between them. */
  @Test
  void shouldStayWithinOneBlock() {
    JsonPath answer = ask(grid.point(180, 395), grid.point(120, 405), 0.2);
    assertClose(60, answer.getDouble("shortest.exposure.lengthMetres"), 0.5);
    assertLine(
        answer.getList("shortest.geometry.coordinates"),
        grid.point(180, 400),
        grid.point(120, 400));
  }

  /**
   * From 10 m to 390 m along Rue 0, the shortest way (380 m) passes the four domes (160 m watched).
   * The unwatched one first walks 10 m back west to (0, 0), then up Avenue 0, along Rue 1, down
   * Avenue 4 and 10 m back west: 620 m, 63 % longer. With 0.7 it is taken, with 0.6 it is not.
   */
  @Test
  void shouldLeaveAMidBlockPlaceEitherWay() {
    JsonPath answer = ask(grid.point(10, 0), grid.point(390, 0), 0.7);
    assertClose(380, answer.getDouble("shortest.exposure.lengthMetres"), 0.5);
    assertClose(160, answer.getDouble("shortest.exposure.watchedMetres"), 1);
    assertClose(620, answer.getDouble("leastWatched.exposure.lengthMetres"), 0.5);
    assertClose(0, answer.getDouble("leastWatched.exposure.watchedMetres"), 1e-9);
    assertClose(620.0 / 380 - 1, answer.getDouble("detour"), 0.001);
    assertLine(
        answer.getList("leastWatched.geometry.coordinates"),
        grid.point(10, 0),
        grid.corner(0, 0),
        grid.corner(0, 1),
        grid.corner(1, 1),
        grid.corner(2, 1),
        grid.corner(3, 1),
        grid.corner(4, 1),
        grid.corner(4, 0),
        grid.point(390, 0));
    JsonPath narrower = ask(grid.point(10, 0), grid.point(390, 0), 0.6);
    assertClose(380, narrower.getDouble("leastWatched.exposure.lengthMetres"), 0.5);
    assertClose(160, narrower.getDouble("leastWatched.exposure.watchedMetres"), 1);
  }

  /**
   * A point 2 m from corner (0, 0) along Rue 0, 1 m off it (a tap on the phone's map), is taken for
   * the corner: the routes start there, with no 2 m stub of street.
   */
  @Test
  void shouldTakeAPlaceNearACornerForTheCorner() {
    JsonPath answer = ask(grid.point(2, 1), grid.corner(4, 0), 0.5);
    assertClose(400, answer.getDouble("shortest.exposure.lengthMetres"), 0.5);
    assertClose(600, answer.getDouble("leastWatched.exposure.lengthMetres"), 0.5);
    List<List<Double>> line = answer.getList("leastWatched.geometry.coordinates");
    assertLine(line.subList(0, 2), grid.corner(0, 0), grid.corner(0, 1));
  }

  /** The line's positions are the given [lon, lat] JSON pairs, to about 10 cm. */
  private static void assertLine(List<List<Double>> line, String... expected) {
    org.junit.jupiter.api.Assertions.assertEquals(expected.length, line.size(), line.toString());
    for (int i = 0; i < expected.length; i++) {
      String[] position = expected[i].replaceAll("[\\[\\]]", "").split(",");
      assertClose(Double.parseDouble(position[0]), line.get(i).get(0), 1e-6);
      assertClose(Double.parseDouble(position[1]), line.get(i).get(1), 1e-6);
    }
  }

  private static void assertClose(double expected, double actual, double tolerance) {
    org.junit.jupiter.api.Assertions.assertEquals(expected, actual, tolerance);
  }
}
