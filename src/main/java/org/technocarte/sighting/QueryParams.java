package org.technocarte.sighting;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.technocarte.common.CityCodes;
import org.technocarte.common.WireValue;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;
import org.technocarte.common.geo.BBox;

/**
 * The one reader of the query strings of public reads (the map, nearby, the exports, the OGC API,
 * the tiles) and of the moderators' queue: it reads a query string against the parameters a
 * resource knows, refuses unknown or repeated ones by name, and collects every error so that the
 * client learns all of them in one 400 answer. {@link SightingFilter#read} reads the filters with
 * it.
 */
public final class QueryParams {

  private final MultivaluedMap<String, String> params;
  private final List<FieldError> errors = new ArrayList<>();
  private final Set<String> missing = new java.util.HashSet<>();

  public QueryParams(MultivaluedMap<String, String> params, Set<String> known) {
    this.params = params;
    for (String name : new TreeSet<>(params.keySet())) {
      if (!known.contains(name)) {
        errors.add(
            new FieldError(
                name,
                FieldCode.UNKNOWN_FIELD,
                "unknown parameter; known: " + String.join(", ", new TreeSet<>(known))));
      } else if (params.get(name).size() > 1) {
        errors.add(new FieldError(name, FieldCode.REPEATED, "given more than once"));
      }
    }
  }

  public String text(String name) {
    return missing.contains(name) ? null : params.getFirst(name);
  }

  /**
   * Refuses a parameter absent or blank (400, required, with {@code rule}); answers whether it is
   * there. Once refused, it reads as absent, so that it is not refused twice.
   */
  public boolean require(String name, String rule) {
    String text = text(name);
    if (text == null || text.isBlank()) {
      error(name, FieldCode.REQUIRED, rule);
      missing.add(name);
      return false;
    }
    return true;
  }

  public void error(String name, FieldCode code, String message) {
    errors.add(new FieldError(name, code, message));
  }

  public BBox bbox(String name) {
    String text = text(name);
    if (text == null) {
      return null;
    }
    try {
      return BBox.parse(text);
    } catch (IllegalArgumentException e) {
      error(name, FieldCode.BAD_FORMAT, e.getMessage());
      return null;
    }
  }

  /** A comma-separated list of words: `cameraType=dome,panning`. */
  public <E extends Enum<E> & WireValue> Set<E> words(String name, Class<E> type) {
    Set<E> values = EnumSet.noneOf(type);
    String text = text(name);
    if (text == null) {
      return values;
    }
    for (String word : text.split(",", -1)) {
      WireValue.parse(type, word.trim())
          .ifPresentOrElse(
              values::add,
              () ->
                  error(
                      name,
                      FieldCode.NOT_ONE_OF,
                      "'"
                          + word.trim()
                          + "' is not "
                          + WireValue.choices(type)
                          + " (or a comma-separated list)"));
    }
    return values;
  }

  /** approved (the default), removed, or both: the public statuses a reader may ask for. */
  public Set<Status> statuses(String name) {
    Set<Status> statuses = words(name, Status.class);
    if (statuses == null || statuses.isEmpty()) {
      return EnumSet.of(Status.APPROVED);
    }
    if (!Status.PUBLIC.containsAll(statuses)) {
      error(name, FieldCode.NOT_ONE_OF, "must be approved, removed or approved,removed");
      return EnumSet.of(Status.APPROVED);
    }
    return statuses;
  }

  /** The id of a mapping party. */
  public Long campaign(String name) {
    String text = text(name);
    if (text == null) {
      return null;
    }
    if (!text.strip().matches("[0-9]{1,18}")) {
      error(name, FieldCode.BAD_FORMAT, "must be the id of a mapping party");
      return null;
    }
    return Long.parseLong(text.strip());
  }

  public Boolean bool(String name) {
    String text = text(name);
    if (text == null) {
      return null;
    }
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        error(name, FieldCode.NOT_A_BOOLEAN, "must be true or false");
        yield null;
      }
    };
  }

  public LocalDate date(String name) {
    String text = text(name);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      error(name, FieldCode.NOT_A_DATE, "must be a date YYYY-MM-DD");
      return null;
    }
  }

  /** A date (midnight UTC) or an RFC 3339 date-time such as 2026-11-28T10:00:00Z. */
  public OffsetDateTime instant(String name) {
    String text = text(name);
    if (text == null) {
      return null;
    }
    try {
      return text.trim().length() == 10
          ? LocalDate.parse(text.trim()).atStartOfDay().atOffset(ZoneOffset.UTC)
          : OffsetDateTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      error(
          name,
          FieldCode.NOT_A_DATE,
          "must be a date YYYY-MM-DD or a date-time such as 2026-11-28T10:00:00Z");
      return null;
    }
  }

  public String cityCode(String name) {
    String city = text(name);
    if (city != null && !CityCodes.valid(city)) {
      error(name, FieldCode.BAD_FORMAT, CityCodes.RULE);
    }
    return city == null ? null : city.strip();
  }

  /** A number from min to max; required. */
  public double number(String name, double min, double max) {
    String text = text(name);
    if (text == null) {
      error(name, FieldCode.REQUIRED, "is required");
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
    error(name, FieldCode.OUT_OF_RANGE, "must be a number from " + min + " to " + max);
    return Double.NaN;
  }

  /** Throws the 400 answer listing every error found so far. */
  public void check() {
    if (!errors.isEmpty()) {
      throw ApiException.badParameters(errors);
    }
  }
}
