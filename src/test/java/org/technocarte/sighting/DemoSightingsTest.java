package org.technocarte.sighting;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.sighting.SightingFixtures.list;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoSightingsTest {

  @Inject DemoSightings demo;
  @Inject SightingFixtures fixtures;

  @BeforeEach
  void emptyTable() {
    fixtures.clear();
  }

  @Test
  void shouldLoadAboutTwoHundredValidSightingsOnceIntoAnEmptyTable() {
    int loaded = demo.load();
    assertTrue(loaded >= 150 && loaded <= 250, "loaded " + loaded);
    assertEquals(loaded, fixtures.count());
    assertEquals(0, demo.load(), "a second start adds nothing");
    assertEquals(loaded, fixtures.count());
  }

  @Test
  void shouldShowMontpellierAndParisWithSuspectedVsaAndHidePending() {
    demo.load();
    list("bbox=3.85,43.59,3.90,43.62&limit=5000")
        .statusCode(200)
        .body("numberReturned", greaterThan(80))
        .body("features.properties.city.name", everyItem(equalTo("Montpellier")))
        .body("features.properties.vsaSuspected", hasItem(true))
        .body("features.properties.status", everyItem(equalTo("approved")));
    list("bbox=2.35,48.84,2.40,48.88&limit=5000")
        .statusCode(200)
        .body("numberReturned", greaterThan(50))
        .body("features.properties.city.name", everyItem(equalTo("Paris")));
    long pending = fixtures.countWithStatus("pending");
    assertTrue(pending >= 5, "pending sightings in the demo: " + pending);
  }
}
