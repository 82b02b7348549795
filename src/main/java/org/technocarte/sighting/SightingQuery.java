package org.technocarte.sighting;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.technocarte.common.CityCodes;
import org.technocarte.common.WireValue;
import org.technocarte.common.config.TechnocarteConfig;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;
import org.technocarte.common.geo.BBox;

/**
 * Which public sightings a reader asks for; empty sets and nulls mean "any", except statuses:
 * approved unless removed ones are asked for.
 */
public record SightingQuery(
    BBox bbox,
    Set<SurveillanceType> surveillanceTypes,
    Set<CameraType> cameraTypes,
    Boolean vsaSuspected,
    String cityCode,
    Set<Status> statuses,
    int limit) {

  static final Set<String> PARAMETERS =
      Set.of("bbox", "surveillanceType", "cameraType", "vsaSuspected", "city", "status", "limit");

  /**
   * Reads the query string of a map request, reporting every bad parameter at once (400): a bbox
   * that is malformed, inverted or larger than the cap, a limit out of range, an unknown word.
   */
  static SightingQuery parse(MultivaluedMap<String, String> params, TechnocarteConfig.Api api) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : params.keySet()) {
      if (!PARAMETERS.contains(name)) {
        errors.add(
            new FieldError(
                name,
                FieldCode.UNKNOWN_FIELD,
                "unknown parameter; known: " + String.join(", ", sorted())));
      } else if (params.get(name).size() > 1) {
        errors.add(new FieldError(name, FieldCode.REPEATED, "given more than once"));
      }
    }
    BBox bbox = null;
    String box = params.getFirst("bbox");
    if (box == null || box.isBlank()) {
      errors.add(
          new FieldError("bbox", FieldCode.REQUIRED, "is required: minLon,minLat,maxLon,maxLat"));
    } else {
      try {
        bbox = BBox.parse(box);
        if (bbox.areaDegrees() > api.maxBboxArea()) {
          errors.add(
              new FieldError(
                  "bbox",
                  FieldCode.TOO_LARGE,
                  "covers "
                      + String.format(java.util.Locale.ROOT, "%.2f", bbox.areaDegrees())
                      + " square degrees, more than the "
                      + api.maxBboxArea()
                      + " allowed: zoom in"));
        }
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("bbox", FieldCode.BAD_FORMAT, e.getMessage()));
      }
    }
    Set<SurveillanceType> surveillanceTypes =
        words(params, "surveillanceType", SurveillanceType.class, errors);
    Set<CameraType> cameraTypes = words(params, "cameraType", CameraType.class, errors);
    Boolean vsa = null;
    String vsaText = params.getFirst("vsaSuspected");
    if (vsaText != null) {
      switch (vsaText) {
        case "true" -> vsa = true;
        case "false" -> vsa = false;
        default ->
            errors.add(
                new FieldError("vsaSuspected", FieldCode.NOT_A_BOOLEAN, "must be true or false"));
      }
    }
    String city = params.getFirst("city");
    if (city != null && !CityCodes.valid(city)) {
      errors.add(new FieldError("city", FieldCode.BAD_FORMAT, CityCodes.RULE));
    }
    Set<Status> statuses = words(params, "status", Status.class, errors);
    if (statuses.isEmpty()) {
      statuses = EnumSet.of(Status.APPROVED);
    } else if (!Status.PUBLIC.containsAll(statuses)) {
      errors.add(
          new FieldError("status", FieldCode.NOT_ONE_OF, "must be approved, removed or both"));
    }
    int limit = api.defaultLimit();
    String limitText = params.getFirst("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText.trim());
        if (limit < 1 || limit > api.maxLimit()) {
          errors.add(
              new FieldError(
                  "limit", FieldCode.OUT_OF_RANGE, "must be from 1 to " + api.maxLimit()));
        }
      } catch (NumberFormatException e) {
        errors.add(
            new FieldError(
                "limit",
                FieldCode.OUT_OF_RANGE,
                "must be a whole number from 1 to " + api.maxLimit()));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badParameters(errors);
    }
    return new SightingQuery(bbox, surveillanceTypes, cameraTypes, vsa, city, statuses, limit);
  }

  /** A comma-separated list of words: `cameraType=dome,panning`. */
  private static <E extends Enum<E> & WireValue> Set<E> words(
      MultivaluedMap<String, String> params, String name, Class<E> type, List<FieldError> errors) {
    Set<E> values = EnumSet.noneOf(type);
    String text = params.getFirst(name);
    if (text == null) {
      return values;
    }
    for (String word : text.split(",", -1)) {
      WireValue.parse(type, word.trim())
          .ifPresentOrElse(
              values::add,
              () ->
                  errors.add(
                      new FieldError(
                          name,
                          FieldCode.NOT_ONE_OF,
                          "'"
                              + word.trim()
                              + "' is not "
                              + WireValue.choices(type)
                              + " (or a comma-separated list)")));
    }
    return values;
  }

  private static List<String> sorted() {
    return PARAMETERS.stream().sorted().toList();
  }
}
