package org.technocarte.sighting;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;

/** Approved cameras around a point: the duplicates a walker is asked about before sending. */
public record NearbyQuery(double lon, double lat, int radiusMetres) {

  static final int MAX_RADIUS_METRES = 200;
  private static final Set<String> PARAMETERS = Set.of("lon", "lat", "radius");

  static NearbyQuery parse(MultivaluedMap<String, String> params, int defaultRadius) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : params.keySet()) {
      if (!PARAMETERS.contains(name)) {
        errors.add(
            new FieldError(
                name, FieldCode.UNKNOWN_FIELD, "unknown parameter; known: lat, lon, radius"));
      }
    }
    double lon = number(params, "lon", -180, 180, errors);
    double lat = number(params, "lat", -90, 90, errors);
    int radius = defaultRadius;
    String radiusText = params.getFirst("radius");
    if (radiusText != null) {
      try {
        radius = Integer.parseInt(radiusText.trim());
      } catch (NumberFormatException e) {
        radius = -1;
      }
      if (radius < 1 || radius > MAX_RADIUS_METRES) {
        errors.add(
            new FieldError(
                "radius",
                FieldCode.OUT_OF_RANGE,
                "must be whole metres from 1 to " + MAX_RADIUS_METRES));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badParameters(errors);
    }
    return new NearbyQuery(lon, lat, radius);
  }

  private static double number(
      MultivaluedMap<String, String> params,
      String name,
      double min,
      double max,
      List<FieldError> errors) {
    String text = params.getFirst(name);
    if (text == null) {
      errors.add(new FieldError(name, FieldCode.REQUIRED, "is required"));
      return Double.NaN;
    }
    try {
      double value = Double.parseDouble(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        new FieldError(
            name, FieldCode.OUT_OF_RANGE, "must be a number from " + min + " to " + max));
    return Double.NaN;
  }
}
