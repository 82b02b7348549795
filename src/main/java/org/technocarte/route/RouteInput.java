package org.technocarte.route;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.technocarte.common.config.RouteConfig;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;

/**
 * Reads the bodies of the route endpoints: a line (a GeoJSON LineString, a Feature of one, or
 * {"points": [[lon, lat], …]}) and a pair of points with a detour. Every refusal is a 422 naming
 * the field; nothing of the body is kept or logged.
 */
final class RouteInput {

  static final String LINE_TITLE = "Invalid route";
  static final String PAIR_TITLE = "Invalid request for a route";

  /** Mean radius of the Earth, for the length check before the database measures. */
  private static final double EARTH_RADIUS_M = 6_371_008.8;

  private RouteInput() {}

  /** A line of at least two distinct points, lon/lat. */
  record Line(List<double[]> points) {

    /** The line as WKT, for ST_GeomFromText: bound as a parameter, never in the SQL text. */
    String wkt() {
      StringBuilder wkt = new StringBuilder("LINESTRING(");
      for (int i = 0; i < points.size(); i++) {
        if (i > 0) {
          wkt.append(',');
        }
        wkt.append(String.format(Locale.ROOT, "%.9f %.9f", points.get(i)[0], points.get(i)[1]));
      }
      return wkt.append(')').toString();
    }
  }

  /** Two points and the detour allowed, as a share of the shortest route. */
  record Pair(double[] from, double[] to, double maxDetour) {}

  static Line line(JsonNode body, RouteConfig config) {
    if (body == null || !body.isObject()) {
      throw invalid(LINE_TITLE, "", FieldCode.WRONG_TYPE, "must be a GeoJSON LineString");
    }
    JsonNode coordinates;
    String field;
    if (body.has("points")) {
      only(body, LINE_TITLE, Set.of("points"));
      coordinates = body.get("points");
      field = "points";
    } else {
      JsonNode geometry = body;
      String prefix = "";
      if ("Feature".equals(body.path("type").asText(null))) {
        only(body, LINE_TITLE, Set.of("type", "geometry", "properties", "id"));
        geometry = body.get("geometry");
        prefix = "geometry.";
        if (geometry == null || !geometry.isObject()) {
          throw invalid(LINE_TITLE, "geometry", FieldCode.WRONG_TYPE, "must be a LineString");
        }
      }
      only(geometry, LINE_TITLE, Set.of("type", "coordinates", "bbox"), prefix);
      if (!"LineString".equals(geometry.path("type").asText(null))) {
        throw invalid(
            LINE_TITLE,
            prefix + "type",
            FieldCode.WRONG_TYPE,
            "must be LineString (or give {\"points\": [[lon, lat], …]})");
      }
      coordinates = geometry.get("coordinates");
      field = prefix + "coordinates";
    }
    if (coordinates == null || !coordinates.isArray()) {
      throw invalid(LINE_TITLE, field, FieldCode.REQUIRED, "must be a list of [lon, lat]");
    }
    if (coordinates.size() > config.maxPoints()) {
      throw invalid(
          LINE_TITLE,
          field,
          FieldCode.TOO_LARGE,
          "must have at most " + config.maxPoints() + " points");
    }
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < coordinates.size(); i++) {
      points.add(position(coordinates.get(i), field + "[" + i + "]", LINE_TITLE));
    }
    if (points.size() < 2) {
      throw invalid(LINE_TITLE, field, FieldCode.LENGTH, "must have at least two points");
    }
    double length = 0;
    for (int i = 1; i < points.size(); i++) {
      length += metres(points.get(i - 1), points.get(i));
    }
    if (length == 0) {
      throw invalid(LINE_TITLE, field, FieldCode.LENGTH, "must join at least two distinct points");
    }
    if (length > config.maxLengthMetres()) {
      throw invalid(
          LINE_TITLE,
          field,
          FieldCode.TOO_LARGE,
          String.format(Locale.ROOT, "must be at most %.0f m long", config.maxLengthMetres()));
    }
    return new Line(points);
  }

  static Pair pair(JsonNode body, RouteConfig config) {
    if (body == null || !body.isObject()) {
      throw invalid(PAIR_TITLE, "", FieldCode.WRONG_TYPE, "must be an object");
    }
    only(body, PAIR_TITLE, Set.of("from", "to", "maxDetour"));
    double[] from = point(body.get("from"), "from");
    double[] to = point(body.get("to"), "to");
    double detour = 0.2;
    JsonNode given = body.get("maxDetour");
    if (given != null && !given.isNull()) {
      if (!given.isNumber()) {
        throw invalid(PAIR_TITLE, "maxDetour", FieldCode.NOT_A_NUMBER, "must be a number");
      }
      detour = given.asDouble();
      if (!(detour >= 0 && detour <= config.maxDetour())) {
        throw invalid(
            PAIR_TITLE,
            "maxDetour",
            FieldCode.OUT_OF_RANGE,
            "must be between 0 and " + config.maxDetour() + " (a share of the shortest route)");
      }
    }
    if (metres(from, to) > config.maxLengthMetres()) {
      throw invalid(
          PAIR_TITLE,
          "to",
          FieldCode.TOO_LARGE,
          String.format(Locale.ROOT, "must be at most %.0f m from from", config.maxLengthMetres()));
    }
    return new Pair(from, to, detour);
  }

  /** [lon, lat] or a GeoJSON Point. */
  private static double[] point(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      throw invalid(PAIR_TITLE, field, FieldCode.REQUIRED, "must be [lon, lat] or a Point");
    }
    if (node.isObject()) {
      only(node, PAIR_TITLE, Set.of("type", "coordinates"), field + ".");
      if (!"Point".equals(node.path("type").asText(null))) {
        throw invalid(PAIR_TITLE, field + ".type", FieldCode.WRONG_TYPE, "must be Point");
      }
      return position(node.get("coordinates"), field + ".coordinates", PAIR_TITLE);
    }
    return position(node, field, PAIR_TITLE);
  }

  private static double[] position(JsonNode node, String field, String title) {
    if (node == null || !node.isArray() || node.size() < 2 || node.size() > 3) {
      throw invalid(title, field, FieldCode.WRONG_TYPE, "must be [lon, lat]");
    }
    for (JsonNode n : node) {
      if (!n.isNumber()) {
        throw invalid(title, field, FieldCode.NOT_A_NUMBER, "must be [lon, lat] in numbers");
      }
    }
    double lon = node.get(0).asDouble();
    double lat = node.get(1).asDouble();
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      throw invalid(
          title, field, FieldCode.OUT_OF_RANGE, "must be a longitude and a latitude in degrees");
    }
    return new double[] {lon, lat};
  }

  private static void only(JsonNode node, String title, Set<String> known) {
    only(node, title, known, "");
  }

  private static void only(JsonNode node, String title, Set<String> known, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw invalid(title, prefix + name, FieldCode.UNKNOWN_FIELD, "is not a known field");
      }
    }
  }

  /** Great-circle distance, in metres. */
  static double metres(double[] a, double[] b) {
    double lat1 = Math.toRadians(a[1]);
    double lat2 = Math.toRadians(b[1]);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b[0] - a[0]);
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  private static ApiException invalid(String title, String field, FieldCode code, String message) {
    return ApiException.invalid(title, field, code, message);
  }
}
