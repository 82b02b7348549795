package org.technocarte.export;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.geo.BBox;
import org.technocarte.sighting.QueryParams;
import org.technocarte.sighting.Where;

/**
 * The coordinate reference systems the OGC API answers in and reads boxes in (OGC API – Features
 * Part 2). The sightings are stored in EPSG:4326 with longitude first, that is CRS84; PostGIS
 * transforms them ({@code spatial_ref_sys} knows every one of these), and a box in another CRS is
 * transformed into the column's, never the column into the box's, so that the GiST index answers.
 */
public enum Crs {
  CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "OGC:CRS84", 4326, null),
  /** WGS 84 as EPSG defines it: latitude first. */
  EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", "EPSG:4326", 4326, null),
  /** Web Mercator, metres; its area ends at 85.06° north and south. */
  EPSG_3857(
      "http://www.opengis.net/def/crs/EPSG/0/3857",
      "EPSG:3857",
      3857,
      new double[] {
        -20037508.342789244, -20037508.342789244, 20037508.342789244, 20037508.342789244
      }),
  /** RGF93 / Lambert-93, metres: what French public bodies publish in. */
  EPSG_2154(
      "http://www.opengis.net/def/crs/EPSG/0/2154",
      "EPSG:2154",
      2154,
      new double[] {-1_000_000, 5_500_000, 2_500_000, 7_800_000});

  /** The CRS of answers and boxes when none is asked for. */
  public static final Crs DEFAULT = CRS84;

  /** A box in a projected CRS is cut into this many segments a side before it is transformed. */
  private static final int SEGMENTS = 64;

  /** Degrees added around a transformed box: rounding then misses nothing on an edge. */
  private static final double MARGIN = 1e-6;

  private final String uri;
  private final String curie;
  private final int srid;
  private final double[] area;

  Crs(String uri, String curie, int srid, double[] area) {
    this.uri = uri;
    this.curie = curie;
    this.srid = srid;
    this.area = area;
  }

  /** The URI, or the safe CURIE {@code [EPSG:2154]}, of a supported CRS. */
  public static Optional<Crs> of(String text) {
    String t = text.trim();
    return Arrays.stream(values())
        .filter(c -> c.uri.equals(t) || ("[" + c.curie + "]").equals(t))
        .findFirst();
  }

  public static List<String> uris() {
    return Arrays.stream(values()).map(Crs::uri).toList();
  }

  public String uri() {
    return uri;
  }

  /** The value of the Content-Crs header of an answer in this CRS. */
  public String header() {
    return "<" + uri + ">";
  }

  /** The stored geometry {@code column} as SQL, in this CRS and its axis order. */
  String geometry(String column) {
    return switch (this) {
      case CRS84 -> column;
      case EPSG_4326 -> "ST_FlipCoordinates(" + column + ")";
      default -> "ST_Transform(" + column + ", " + srid + ")";
    };
  }

  /**
   * Reads a bbox given in this CRS, in its axis order, into the SQL condition on {@code column} (in
   * EPSG:4326, lon/lat) and its values. A box in a projected CRS is clipped to the area the CRS is
   * made for, densified and transformed: a sighting matches when it lies in the CRS84 bounding box
   * of the transformed box (so an OGC client that transforms only the corners of a CRS84 box gets
   * every sighting of that box back).
   *
   * @throws IllegalArgumentException saying why the text is not a usable box
   */
  Where.Clause box(String text, String column) {
    double[] v = BBox.corners(text);
    if (area == null) {
      BBox box = this == CRS84 ? BBox.of(v[0], v[1], v[2], v[3]) : BBox.of(v[1], v[0], v[3], v[2]);
      return new Where.Clause(box.sqlIntersects(column), box.sqlValues());
    }
    if (v[0] > v[2] || v[1] > v[3]) {
      throw new IllegalArgumentException(
          "the lower corner must come first: minx,miny,maxx,maxy in " + curie);
    }
    double minX = Math.max(v[0], area[0]);
    double minY = Math.max(v[1], area[1]);
    double maxX = Math.min(v[2], area[2]);
    double maxY = Math.min(v[3], area[3]);
    if (minX > maxX || minY > maxY) {
      // Wholly outside the CRS's area: nothing there.
      return new Where.Clause("false", List.of());
    }
    double step = Math.max(Math.max(maxX - minX, maxY - minY) / SEGMENTS, 1);
    // The GiST index answers on the column as stored; the bounding box of the densified,
    // transformed
    // box holds the whole box (what GeoServer does too).
    String sql =
        column
            + " && ST_Expand(ST_Transform(ST_Segmentize(ST_MakeEnvelope(?, ?, ?, ?, "
            + srid
            + "), ?), 4326), ?)";
    return new Where.Clause(sql, List.of(minX, minY, maxX, maxY, step, MARGIN));
  }

  /** Reads a CRS by its URI (OGC API – Features Part 2); CRS84 when absent. */
  static Crs read(QueryParams params, String name) {
    String text = params.text(name);
    if (text == null) {
      return DEFAULT;
    }
    return of(text)
        .orElseGet(
            () -> {
              params.error(
                  name,
                  FieldCode.NOT_ONE_OF,
                  "unsupported CRS; supported: " + String.join(", ", uris()));
              return DEFAULT;
            });
  }
}
