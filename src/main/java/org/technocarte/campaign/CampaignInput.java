package org.technocarte.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.MultiPolygon;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;
import org.technocarte.group.Territory;

/**
 * A mapping party as a group admin describes it, validated: every bad field in one 422.
 *
 * @param zone null for the group's whole territory
 */
public record CampaignInput(
    String name, MultiPolygon zone, OffsetDateTime startsAt, OffsetDateTime endsAt, String goal) {

  static final Duration LONGEST = Duration.ofDays(31);
  private static final Set<String> FIELDS = Set.of("name", "zone", "startsAt", "endsAt", "goal");

  static CampaignInput parse(JsonNode body, OffsetDateTime now) {
    if (!body.isObject()) {
      throw ApiException.invalid(
          "Invalid mapping party", "body", FieldCode.WRONG_TYPE, "must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        errors.add(
            new FieldError(
                name,
                FieldCode.UNKNOWN_FIELD,
                "unknown; known: name, zone, startsAt, endsAt, goal"));
      }
    }
    String name = text(body, "name", 200, true, errors);
    String goal = text(body, "goal", 1000, false, errors);
    OffsetDateTime startsAt = instant(body, "startsAt", errors);
    OffsetDateTime endsAt = instant(body, "endsAt", errors);
    if (startsAt != null && endsAt != null) {
      if (!endsAt.isAfter(startsAt)) {
        errors.add(new FieldError("endsAt", FieldCode.OUT_OF_RANGE, "must come after startsAt"));
      } else if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
        errors.add(
            new FieldError(
                "endsAt", FieldCode.OUT_OF_RANGE, "must be at most 31 days after startsAt"));
      } else if (!endsAt.isAfter(now)) {
        errors.add(
            new FieldError("endsAt", FieldCode.OUT_OF_RANGE, "is past: the party would be over"));
      }
    }
    MultiPolygon zone = null;
    JsonNode zoneNode = body.get("zone");
    if (zoneNode != null && !zoneNode.isNull()) {
      try {
        zone = Territory.parse("zone", zoneNode);
      } catch (ApiException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Invalid mapping party", errors);
    }
    return new CampaignInput(name, zone, startsAt, endsAt, goal);
  }

  private static String text(
      JsonNode body, String field, int max, boolean required, List<FieldError> errors) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      if (required) {
        errors.add(new FieldError(field, FieldCode.REQUIRED, "is required"));
      }
      return null;
    }
    if (!node.isTextual()) {
      errors.add(new FieldError(field, FieldCode.NOT_TEXT, "must be text"));
      return null;
    }
    String value = node.asText().strip();
    if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
      errors.add(
          new FieldError(
              field, FieldCode.CONTROL_CHARACTERS, "must not contain control characters"));
      return null;
    }
    if (value.codePointCount(0, value.length()) > max) {
      errors.add(new FieldError(field, FieldCode.LENGTH, "must be at most " + max + " characters"));
      return null;
    }
    return value;
  }

  private static OffsetDateTime instant(JsonNode body, String field, List<FieldError> errors) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      errors.add(
          new FieldError(
              field,
              FieldCode.REQUIRED,
              "is required: a date and time with its offset (RFC 3339)"));
      return null;
    }
    try {
      return OffsetDateTime.parse(node.asText());
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              field,
              FieldCode.NOT_A_DATE,
              "must be a date and time with its offset, such as 2026-12-05T14:00:00+01:00"));
      return null;
    }
  }
}
