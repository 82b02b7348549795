package org.technocarte.group;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;

/** Reads a territory given as a GeoJSON Polygon or MultiPolygon (WGS84) and checks it. */
public final class Territory {

  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
  static final int MAX_POINTS = 100_000;

  private Territory() {}

  public static MultiPolygon parse(String field, JsonNode geometry) {
    if (geometry == null || !geometry.isObject()) {
      throw invalid(field, FieldCode.REQUIRED, "is required: a GeoJSON Polygon or MultiPolygon");
    }
    String type = geometry.path("type").asText();
    JsonNode coordinates = geometry.get("coordinates");
    if (coordinates == null || !coordinates.isArray()) {
      throw invalid(field + ".coordinates", FieldCode.WRONG_TYPE, "must be an array");
    }
    List<Polygon> polygons = new ArrayList<>();
    switch (type) {
      case "Polygon" -> polygons.add(polygon(field, coordinates));
      case "MultiPolygon" -> {
        for (JsonNode p : coordinates) {
          polygons.add(polygon(field, p));
        }
      }
      default ->
          throw invalid(field + ".type", FieldCode.WRONG_TYPE, "must be Polygon or MultiPolygon");
    }
    if (polygons.isEmpty()) {
      throw invalid(field + ".coordinates", FieldCode.WRONG_TYPE, "holds no polygon");
    }
    MultiPolygon territory = WGS84.createMultiPolygon(polygons.toArray(Polygon[]::new));
    if (territory.getNumPoints() > MAX_POINTS) {
      throw invalid(
          field, FieldCode.TOO_LARGE, "has more than " + MAX_POINTS + " points: simplify it");
    }
    IsValidOp validity = new IsValidOp(territory);
    if (!validity.isValid()) {
      throw invalid(
          field,
          FieldCode.INVALID_GEOMETRY,
          "is not a valid area: " + validity.getValidationError().getMessage());
    }
    return territory;
  }

  private static Polygon polygon(String field, JsonNode rings) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw invalid(
          field + ".coordinates", FieldCode.WRONG_TYPE, "each polygon needs at least one ring");
    }
    LinearRing shell = ring(field, rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(field, rings.get(i));
    }
    return WGS84.createPolygon(shell, holes);
  }

  private static LinearRing ring(String field, JsonNode positions) {
    if (!positions.isArray() || positions.size() < 4) {
      throw invalid(
          field + ".coordinates",
          FieldCode.WRONG_TYPE,
          "a ring needs at least 4 positions, closed");
    }
    Coordinate[] points = new Coordinate[positions.size()];
    for (int i = 0; i < positions.size(); i++) {
      JsonNode p = positions.get(i);
      if (!p.isArray()
          || p.size() < 2
          || !p.get(0).isNumber()
          || !p.get(1).isNumber()
          || Math.abs(p.get(0).asDouble()) > 180
          || Math.abs(p.get(1).asDouble()) > 90) {
        throw invalid(
            field + ".coordinates", FieldCode.WRONG_TYPE, "positions must be [lon, lat] in WGS84");
      }
      points[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }
    if (!points[0].equals2D(points[points.length - 1])) {
      throw invalid(
          field + ".coordinates", FieldCode.WRONG_TYPE, "a ring must end where it starts");
    }
    return WGS84.createLinearRing(points);
  }

  private static ApiException invalid(String field, FieldCode code, String message) {
    return ApiException.invalid("Invalid territory", List.of(new FieldError(field, code, message)));
  }
}
