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
    List<List<Double>> line = answer.getList("leastWatched.geometry.coordinates");
    org.junit.jupiter.api.Assertions.assertEquals(7, line.size());
    String[] expected = {
      grid.corner(0, 0),
      grid.corner(0, 1),
      grid.corner(1, 1),
      grid.corner(2, 1),
      grid.corner(3, 1),
      grid.corner(4, 1),
      grid.corner(4, 0)
    };
    for (int i = 0; i < expected.length; i++) {
      String[] corner = expected[i].replaceAll("[\\[\\]]", "").split(",");
      assertClose(Double.parseDouble(corner[0]), line.get(i).get(0), 1e-6);
      assertClose(Double.parseDouble(corner[1]), line.get(i).get(1), 1e-6);
    }
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

  private static void assertClose(double expected, double actual, double tolerance) {
    org.junit.jupiter.api.Assertions.assertEquals(expected, actual, tolerance);
  }
}
