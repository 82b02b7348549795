package org.technocarte.sighting;

import java.time.LocalDate;

/** Where and when the approved sightings lie; all null when there are none. */
public record Extent(
    Double minLon,
    Double minLat,
    Double maxLon,
    Double maxLat,
    LocalDate firstObserved,
    LocalDate lastObserved) {

  public boolean hasSpace() {
    return minLon != null;
  }
}
