package org.technocarte.sighting;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Approved sightings in a box: a GeoJSON FeatureCollection with two counters. */
@Schema(name = "SightingCollection")
public record SightingCollection(
    @Schema(enumeration = "FeatureCollection") String type,
    List<SightingView> features,
    @Schema(description = "Number of features in this answer") int numberReturned,
    @Schema(description = "True when more sightings match than the limit: zoom in or filter")
        boolean truncated) {

  public static SightingCollection of(List<SightingView> features, boolean truncated) {
    return new SightingCollection("FeatureCollection", features, features.size(), truncated);
  }
}
