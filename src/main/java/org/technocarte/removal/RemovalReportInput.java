package org.technocarte.removal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.technocarte.common.WireValue;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;
import org.technocarte.common.geo.PointGeometry;

/**
 * A passer-by's report that a camera is gone or moved, validated: every bad field in one 422.
 *
 * @param movedTo where the camera is now, for a camera that moved
 */
public record RemovalReportInput(RemovalKind kind, String note, PointGeometry movedTo) {

  static final int MAX_NOTE = 1000;
  private static final Set<String> FIELDS = Set.of("kind", "note", "movedTo");

  static RemovalReportInput parse(JsonNode body) {
    List<FieldError> errors = new ArrayList<>();
    if (!body.isObject()) {
      throw ApiException.invalid(
          "Invalid report", "body", FieldCode.WRONG_TYPE, "must be a JSON object");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        errors.add(
            new FieldError(name, FieldCode.UNKNOWN_FIELD, "unknown; known: kind, note, movedTo"));
      }
    }
    RemovalKind kind = null;
    JsonNode kindNode = body.get("kind");
    if (kindNode == null || kindNode.isNull()) {
      errors.add(new FieldError("kind", FieldCode.REQUIRED, "is required: gone or moved"));
    } else {
      kind = WireValue.parse(RemovalKind.class, kindNode.asText()).orElse(null);
      if (kind == null || !kindNode.isTextual()) {
        errors.add(new FieldError("kind", FieldCode.NOT_ONE_OF, "must be gone or moved"));
      }
    }
    String note = note(body.get("note"), errors);
    PointGeometry movedTo = point(body.get("movedTo"), errors);
    if (kind == RemovalKind.MOVED && movedTo == null && !has(errors, "movedTo")) {
      errors.add(
          new FieldError(
              "movedTo",
              FieldCode.REQUIRED_WITH,
              "is required when the camera moved: a GeoJSON Point [lon, lat]"));
    }
    if (kind == RemovalKind.GONE && movedTo != null) {
      errors.add(
          new FieldError(
              "movedTo", FieldCode.REQUIRED_WITH, "is only for a camera that moved (kind moved)"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Invalid report", errors);
    }
    return new RemovalReportInput(kind, note, movedTo);
  }

  private static boolean has(List<FieldError> errors, String field) {
    return errors.stream().anyMatch(e -> e.field().startsWith(field));
  }

  private static String note(JsonNode node, List<FieldError> errors) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      errors.add(new FieldError("note", FieldCode.NOT_TEXT, "must be text"));
      return null;
    }
    String value = node.asText().strip();
    if (value
        .codePoints()
        .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
      errors.add(
          new FieldError(
              "note", FieldCode.CONTROL_CHARACTERS, "must not contain control characters"));
      return null;
    }
    if (value.codePointCount(0, value.length()) > MAX_NOTE) {
      errors.add(
          new FieldError("note", FieldCode.LENGTH, "must be at most " + MAX_NOTE + " characters"));
      return null;
    }
    return value.isEmpty() ? null : value;
  }

  private static PointGeometry point(JsonNode node, List<FieldError> errors) {
    if (node == null || node.isNull()) {
      return null;
    }
    JsonNode c = node.path("coordinates");
    if (!node.isObject()
        || !"Point".equals(node.path("type").asText())
        || !c.isArray()
        || c.size() != 2
        || !c.get(0).isNumber()
        || !c.get(1).isNumber()) {
      errors.add(
          new FieldError(
              "movedTo", FieldCode.WRONG_TYPE, "must be a GeoJSON Point with [lon, lat]"));
      return null;
    }
    double lon = c.get(0).asDouble();
    double lat = c.get(1).asDouble();
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      errors.add(
          new FieldError(
              "movedTo.coordinates", FieldCode.OUT_OF_RANGE, "must lie within -180..180, -90..90"));
      return null;
    }
    return PointGeometry.of(lon, lat);
  }
}
