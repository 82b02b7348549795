package org.technocarte.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GazetteerTest {

  @Inject Gazetteer gazetteer;

  @Test
  void shouldLoadTheWholeGazetteer() {
    assertTrue(gazetteer.size() > 100_000, "places loaded: " + gazetteer.size());
  }

  @Test
  void shouldNameTheCityOfAStreetCorner() {
    assertEquals("Montpellier", name(3.87967, 43.60851)); // Place de la Comédie
    assertEquals("Paris", name(2.36323, 48.86742)); // Place de la République
    assertEquals("Lyon", name(4.83566, 45.76404)); // Place Bellecour
  }

  @Test
  void shouldPreferTheBigCityNearItsEdgeAndTheSmallTownAtItsCentre() {
    // Boulevard de Charonne, Paris 11e: Bagnolet's centre is nearer than Paris's.
    assertEquals("Paris", name(2.3935, 48.8555));
    // Bagnolet's town hall.
    assertEquals("Bagnolet", name(2.4183, 48.8692));
  }

  @Test
  void shouldNameNothingFarFromEveryPlace() {
    assertTrue(gazetteer.nearest(-35.0, 40.0).isEmpty());
  }

  private String name(double lon, double lat) {
    return gazetteer.nearest(lon, lat).orElseThrow().name();
  }
}
