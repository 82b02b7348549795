package org.technocarte.common.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reader of bbox parameters, at the edges OGC API – Features Part 1 (7.15.3) allows. */
class BBoxTest {

  @Test
  void shouldReadFourNumbersWestSouthEastNorth() {
    BBox box = BBox.parse("3.86, 43.60,3.89,43.62");
    assertEquals(new BBox(3.86, 43.60, 3.89, 43.62), box);
    assertFalse(box.crossesAntimeridian());
    assertEquals(List.of(box), box.parts());
    assertEquals("s.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)", box.sqlIntersects("s.geom"));
    assertEquals(List.of(3.86, 43.60, 3.89, 43.62), box.sqlValues());
  }

  @Test
  void shouldReadSixNumbersAndIgnoreTheHeights() {
    assertEquals(new BBox(3.86, 43.60, 3.89, 43.62), BBox.parse("3.86,43.60,-10,3.89,43.62,250"));
    assertEquals(
        BBox.parse("177,65,-177,70"), BBox.parse("177,65,0,-177,70,0"), "crossing, in 3D too");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BBox.parse("3,43,100,4,44,10"));
    assertTrue(e.getMessage().contains("height"), e.getMessage());
  }

  @Test
  void shouldReadAWestEdgeEastOfTheEastEdgeAsCrossingTheAntimeridian() {
    BBox box = BBox.parse("177,65,-177,70");
    assertTrue(box.crossesAntimeridian());
    assertEquals(List.of(new BBox(177, 65, 180, 70), new BBox(-180, 65, -177, 70)), box.parts());
    assertEquals(
        "(s.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
            + " OR s.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326))",
        box.sqlIntersects("s.geom"));
    assertEquals(List.of(177.0, 65.0, 180.0, 70.0, -180.0, 65.0, -177.0, 70.0), box.sqlValues());
    // 6° wide (3 on each side) by 5° high: both parts count.
    assertEquals(30.0, box.areaDegrees(), 1e-9);
  }

  @Test
  void shouldTakeTheWholeRangeOfLongitudesAndTheEdgesThemselves() {
    BBox world = BBox.parse("-180,-90,180,90");
    assertFalse(world.crossesAntimeridian());
    assertEquals(360.0 * 180.0, world.areaDegrees(), 1e-9);
    BBox onTheMeridian = BBox.parse("180,10,-180,20");
    assertTrue(onTheMeridian.crossesAntimeridian(), "a box on the 180° meridian itself");
    assertEquals(0.0, onTheMeridian.areaDegrees(), 1e-9);
    assertEquals(0.0, BBox.parse("3,43,3,43").areaDegrees(), 1e-9);
  }

  @Test
  void shouldRefuseWhatIsNoBoxSayingWhy() {
    assertRefused("3,43,4", "got 3 values");
    assertRefused("3,43,4,44,5", "got 5 values");
    assertRefused("3,43,4,44,5,6,7", "got 7 values");
    assertRefused("3,43,east,44", "'east' is not a number");
    assertRefused("3,43,NaN,44", "finite");
    assertRefused("3,43,Infinity,44", "finite");
    assertRefused("-180.5,43,4,44", "-180..180");
    assertRefused("3,43,180.01,44", "-180..180");
    assertRefused("181,43,4,44", "-180..180");
    assertRefused("3,-91,4,44", "-90..90");
    assertRefused("3,43,4,90.5", "-90..90");
    assertRefused("3,44,4,43", "south edge lies north");
  }

  private static void assertRefused(String text, String why) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BBox.parse(text), text);
    assertTrue(e.getMessage().contains(why), text + ": " + e.getMessage());
  }
}
