package org.technocarte.common.geo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A GeoJSON Point in WGS84, coordinates `[lon, lat]` (RFC 7946). */
@Schema(name = "Point")
public record PointGeometry(
    @Schema(enumeration = "Point") String type,
    @Schema(minItems = 2, maxItems = 2, example = "[3.87967, 43.60851]") double[] coordinates) {

  public static PointGeometry of(double lon, double lat) {
    return new PointGeometry("Point", new double[] {lon, lat});
  }

  public double lon() {
    return coordinates[0];
  }

  public double lat() {
    return coordinates[1];
  }
}
