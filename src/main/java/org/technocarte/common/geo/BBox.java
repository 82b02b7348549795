package org.technocarte.common.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * A WGS84 (CRS84) bounding box as OGC API – Features and GeoJSON write it: west, south, east,
 * north. {@code minLon} is the west edge and {@code maxLon} the east edge; when the west edge lies
 * east of the east edge ({@code 177,65,-177,70}) the box crosses the antimeridian and covers both
 * sides of it. Every bbox the API reads (the map, the exports, OGC items) goes through {@link
 * #parse}.
 */
public record BBox(double minLon, double minLat, double maxLon, double maxLat) {

  /**
   * Reads {@code west,south,east,north}, or the 3D form {@code west,south,minHeight,east,north,
   * maxHeight} (OGC API – Features Part 1, 7.15.3), whose heights are checked and then ignored: the
   * sightings are 2D points.
   *
   * @throws IllegalArgumentException saying why the text is not a usable box
   */
  public static BBox parse(String text) {
    double[] v = corners(text);
    return of(v[0], v[1], v[2], v[3]);
  }

  /**
   * The 4 numbers of a box's corners in the order given, from 4 numbers or the 3D form of 6 whose
   * heights are checked and dropped; no range is checked, as the box may be in any CRS.
   *
   * @throws IllegalArgumentException saying why the text is not a box
   */
  public static double[] corners(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw new IllegalArgumentException(
          "expected 4 numbers west,south,east,north (or 6 with heights), got "
              + parts.length
              + " values");
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < v.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + parts[i].trim() + "' is not a number");
      }
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException("coordinates must be finite numbers");
      }
    }
    if (v.length == 6) {
      if (v[2] > v[5]) {
        throw new IllegalArgumentException("the lower height exceeds the upper height");
      }
      return new double[] {v[0], v[1], v[3], v[4]};
    }
    return v;
  }

  /**
   * The box of these edges in CRS84 degrees, checked.
   *
   * @throws IllegalArgumentException saying why they do not make a box
   */
  public static BBox of(double west, double south, double east, double north) {
    if (west < -180 || west > 180 || east < -180 || east > 180) {
      throw new IllegalArgumentException("longitudes must lie within -180..180");
    }
    if (south < -90 || north > 90) {
      throw new IllegalArgumentException("latitudes must lie within -90..90");
    }
    if (south > north) {
      throw new IllegalArgumentException("the south edge lies north of the north edge");
    }
    return new BBox(west, south, east, north);
  }

  /** Whether the west edge lies east of the east edge: the box spans the 180° meridian. */
  public boolean crossesAntimeridian() {
    return minLon > maxLon;
  }

  /**
   * The box as boxes that do not cross the antimeridian, west to east: itself, or its part west of
   * 180° and its part east of -180°.
   */
  public List<BBox> parts() {
    if (!crossesAntimeridian()) {
      return List.of(this);
    }
    return List.of(new BBox(minLon, minLat, 180, maxLat), new BBox(-180, minLat, maxLon, maxLat));
  }

  /** Area in square degrees, the unit of the server's bbox cap: both parts of a crossing box. */
  public double areaDegrees() {
    return parts().stream().mapToDouble(p -> (p.maxLon - p.minLon) * (p.maxLat - p.minLat)).sum();
  }

  /**
   * SQL true when {@code column} (a geometry in EPSG:4326) meets the box, whose values {@link
   * #sqlValues} gives in order: one {@code &&} per part, so that a GiST index on the column answers
   * each (a crossing box becomes a BitmapOr of two index scans). Points on an edge are inside.
   */
  public String sqlIntersects(String column) {
    List<String> clauses = new ArrayList<>();
    for (int i = 0; i < parts().size(); i++) {
      clauses.add(column + " && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
    }
    return clauses.size() == 1 ? clauses.get(0) : "(" + String.join(" OR ", clauses) + ")";
  }

  /** The values of {@link #sqlIntersects}'s placeholders. */
  public List<Object> sqlValues() {
    List<Object> values = new ArrayList<>();
    for (BBox p : parts()) {
      values.addAll(List.of(p.minLon, p.minLat, p.maxLon, p.maxLat));
    }
    return values;
  }
}
