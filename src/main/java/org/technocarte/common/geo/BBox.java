package org.technocarte.common.geo;

/** A WGS84 bounding box, `minLon,minLat,maxLon,maxLat` as in OGC APIs and GeoJSON. */
public record BBox(double minLon, double minLat, double maxLon, double maxLat) {

  /**
   * Reads `minLon,minLat,maxLon,maxLat`.
   *
   * @throws IllegalArgumentException saying why the text is not a usable box
   */
  public static BBox parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "expected 4 numbers minLon,minLat,maxLon,maxLat, got " + parts.length + " values");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + parts[i].trim() + "' is not a number");
      }
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException("coordinates must be finite numbers");
      }
    }
    if (v[0] < -180 || v[2] > 180) {
      throw new IllegalArgumentException("longitudes must lie within -180..180");
    }
    if (v[1] < -90 || v[3] > 90) {
      throw new IllegalArgumentException("latitudes must lie within -90..90");
    }
    if (v[0] > v[2] || v[1] > v[3]) {
      throw new IllegalArgumentException(
          "minimum exceeds maximum (inverted box; across the antimeridian, ask for two boxes)");
    }
    return new BBox(v[0], v[1], v[2], v[3]);
  }

  /** Area in square degrees, the unit of the server's bbox cap. */
  public double areaDegrees() {
    return (maxLon - minLon) * (maxLat - minLat);
  }
}
