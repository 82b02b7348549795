package org.technocarte.sighting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.technocarte.common.WireValue;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;
import org.technocarte.common.geo.PointGeometry;

/**
 * Reads a GeoJSON Feature into a {@link SightingInput}, checking every field and reporting every
 * problem at once, each under its JSON path. Nothing is stored when anything is wrong.
 */
public final class SightingInputParser {

  public enum Mode {
    CREATE,
    AMEND
  }

  static final int MAX_NOTES = 2000;
  static final int MAX_EVIDENCE = 4000;
  static final int MAX_TEXT = 200;
  static final int MAX_DIRECTIONS = 8;
  private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

  private static final Set<String> WRITABLE =
      Set.of(
          "surveillanceType",
          "cameraType",
          "mount",
          "directions",
          "fieldOfView",
          "area",
          "zone",
          "operator",
          "operatorType",
          "height",
          "vsaSuspected",
          "vsaEvidence",
          "notes",
          "city",
          "observedAt");

  private static final Set<String> SET_BY_SERVER =
      Set.of("status", "source", "sourceRef", "checkDate", "createdAt", "updatedAt", "editToken");

  /** Compass points as OSM writes them (camera:direction=NE). */
  private static final Map<String, Integer> COMPASS =
      Map.ofEntries(
          Map.entry("N", 0),
          Map.entry("NNE", 22),
          Map.entry("NE", 45),
          Map.entry("ENE", 67),
          Map.entry("E", 90),
          Map.entry("ESE", 112),
          Map.entry("SE", 135),
          Map.entry("SSE", 157),
          Map.entry("S", 180),
          Map.entry("SSW", 202),
          Map.entry("SW", 225),
          Map.entry("WSW", 247),
          Map.entry("W", 270),
          Map.entry("WNW", 292),
          Map.entry("NW", 315),
          Map.entry("NNW", 337));

  private final Mode mode;
  private final List<FieldError> errors = new ArrayList<>();
  private final Set<String> present = new LinkedHashSet<>();
  private JsonNode properties;

  private SightingInputParser(Mode mode) {
    this.mode = mode;
  }

  public static SightingInput parse(JsonNode feature, Mode mode) {
    return new SightingInputParser(mode).read(feature);
  }

  private SightingInput read(JsonNode feature) {
    if (feature == null || !feature.isObject()) {
      throw invalid(
          List.of(
              new FieldError(
                  "", FieldCode.WRONG_TYPE, "the body must be a GeoJSON Feature object")));
    }
    checkTopLevel(feature);
    PointGeometry geometry = geometry(feature.get("geometry"));
    properties = feature.get("properties");
    if (properties == null || properties.isNull()) {
      properties = JsonNodeFactory.instance.objectNode();
    } else if (!properties.isObject()) {
      error("properties", FieldCode.WRONG_TYPE, "must be an object");
      properties = JsonNodeFactory.instance.objectNode();
    }
    checkPropertyNames();

    SightingInput input =
        new SightingInput(
            present,
            geometry,
            required("surveillanceType", SurveillanceType.class),
            required("cameraType", CameraType.class),
            optional("mount", Mount.class),
            directions(),
            integer("fieldOfView", 1, 360),
            optional("area", Area.class),
            optional("zone", Zone.class),
            text("operator", MAX_TEXT),
            optional("operatorType", OperatorType.class),
            height(),
            bool("vsaSuspected"),
            text("vsaEvidence", MAX_EVIDENCE),
            text("notes", MAX_NOTES),
            cityName(),
            observedAt(),
            clientId(),
            version());
    if (mode == Mode.CREATE && !input.has("surveillanceType")) {
      error(
          "properties.surveillanceType",
          FieldCode.REQUIRED,
          "is required: " + choices(SurveillanceType.class));
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return input;
  }

  private void checkTopLevel(JsonNode feature) {
    JsonNode type = feature.get("type");
    if (type == null || !"Feature".equals(type.asText())) {
      error("type", FieldCode.WRONG_TYPE, "must be \"Feature\"");
    }
    for (Iterator<String> names = feature.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      switch (name) {
        case "type", "geometry", "properties", "bbox" -> {}
        case "id" -> {
          if (mode == Mode.CREATE) {
            error("id", FieldCode.READ_ONLY, "is assigned by the server");
          }
        }
        default -> error(name, FieldCode.UNKNOWN_FIELD, "is not a member of a sighting Feature");
      }
    }
  }

  private void checkPropertyNames() {
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (WRITABLE.contains(name)
          || (name.equals("clientId") && mode == Mode.CREATE)
          || (name.equals("version") && mode == Mode.AMEND)) {
        present.add(name);
      } else if (SET_BY_SERVER.contains(name)) {
        error("properties." + name, FieldCode.READ_ONLY, "is set by the server");
      } else if (name.equals("clientId")) {
        error(
            "properties.clientId",
            FieldCode.READ_ONLY,
            "can only be given when the sighting is created");
      } else if (name.equals("version")) {
        error("properties.version", FieldCode.READ_ONLY, "is set by the server");
      } else {
        error("properties." + name, FieldCode.UNKNOWN_FIELD, "is not a property of a sighting");
      }
    }
  }

  private PointGeometry geometry(JsonNode node) {
    if (node == null || node.isNull()) {
      if (mode == Mode.CREATE) {
        error("geometry", FieldCode.REQUIRED, "is required: a GeoJSON Point [lon, lat]");
      }
      return null;
    }
    present.add("geometry");
    if (!node.isObject() || !"Point".equals(node.path("type").asText())) {
      error("geometry", FieldCode.WRONG_TYPE, "must be a GeoJSON Point");
      return null;
    }
    JsonNode c = node.get("coordinates");
    if (c == null
        || !c.isArray()
        || c.size() != 2
        || !c.get(0).isNumber()
        || !c.get(1).isNumber()) {
      error("geometry.coordinates", FieldCode.WRONG_TYPE, "must be two numbers [lon, lat]");
      return null;
    }
    double lon = c.get(0).asDouble();
    double lat = c.get(1).asDouble();
    boolean ok = true;
    if (!(lon >= -180 && lon <= 180)) {
      error("geometry.coordinates", FieldCode.OUT_OF_RANGE, "longitude must lie within -180..180");
      ok = false;
    }
    if (!(lat >= -90 && lat <= 90)) {
      error("geometry.coordinates", FieldCode.OUT_OF_RANGE, "latitude must lie within -90..90");
      ok = false;
    }
    return ok ? PointGeometry.of(lon, lat) : null;
  }

  private <E extends Enum<E> & WireValue> E required(String name, Class<E> type) {
    JsonNode node = properties.get(name);
    if (node != null && node.isNull()) {
      error("properties." + name, FieldCode.NOT_ONE_OF, "must not be null: " + choices(type));
      return null;
    }
    return optional(name, type);
  }

  private <E extends Enum<E> & WireValue> E optional(String name, Class<E> type) {
    JsonNode node = properties.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    E value = node.isTextual() ? WireValue.parse(type, node.asText()).orElse(null) : null;
    if (value == null) {
      error("properties." + name, FieldCode.NOT_ONE_OF, "must be " + choices(type));
    }
    return value;
  }

  private List<Integer> directions() {
    JsonNode node = properties.get("directions");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      error(
          "properties.directions",
          FieldCode.WRONG_TYPE,
          "must be a list of degrees 0–359 clockwise from north");
      return List.of();
    }
    if (node.size() > MAX_DIRECTIONS) {
      error(
          "properties.directions",
          FieldCode.OUT_OF_RANGE,
          "must hold at most " + MAX_DIRECTIONS + " directions");
      return List.of();
    }
    List<Integer> degrees = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode d = node.get(i);
      Integer value = null;
      if (d.isIntegralNumber() && d.canConvertToInt() && d.asInt() >= 0 && d.asInt() <= 359) {
        value = d.asInt();
      } else if (d.isTextual()) {
        value = COMPASS.get(d.asText().trim().toUpperCase(java.util.Locale.ROOT));
      }
      if (value == null) {
        error(
            "properties.directions[" + i + "]",
            FieldCode.OUT_OF_RANGE,
            "must be a whole number of degrees 0–359 or a compass point such as NE");
      } else if (!degrees.contains(value)) {
        degrees.add(value);
      }
    }
    return degrees;
  }

  private Integer integer(String name, int min, int max) {
    JsonNode node = properties.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber()
        || !node.canConvertToInt()
        || node.asInt() < min
        || node.asInt() > max) {
      error(
          "properties." + name,
          FieldCode.OUT_OF_RANGE,
          "must be a whole number from " + min + " to " + max);
      return null;
    }
    return node.asInt();
  }

  private BigDecimal height() {
    JsonNode node = properties.get("height");
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber() || !(node.asDouble() > 0) || node.asDouble() > 300) {
      error(
          "properties.height",
          FieldCode.OUT_OF_RANGE,
          "must be a number of metres above 0 and at most 300");
      return null;
    }
    return node.decimalValue().setScale(2, RoundingMode.HALF_UP);
  }

  private Boolean bool(String name) {
    JsonNode node = properties.get(name);
    if (node == null) {
      return null;
    }
    if (!node.isBoolean()) {
      error("properties." + name, FieldCode.NOT_A_BOOLEAN, "must be true or false");
      return null;
    }
    return node.booleanValue();
  }

  /** Free text: trimmed, empty means none, no control characters but tabs and line breaks. */
  private String text(String name, int maxLength) {
    return text("properties." + name, properties.get(name), maxLength);
  }

  private String text(String path, JsonNode node, int maxLength) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      error(path, FieldCode.NOT_TEXT, "must be text");
      return null;
    }
    String value = node.asText().strip();
    if (value
        .codePoints()
        .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
      error(path, FieldCode.CONTROL_CHARACTERS, "must not contain control characters");
      return null;
    }
    if (value.codePointCount(0, value.length()) > maxLength) {
      error(path, FieldCode.LENGTH, "must be at most " + maxLength + " characters");
      return null;
    }
    return value.isEmpty() ? null : value;
  }

  /** The walker may correct the city's name; its code always comes from the location. */
  private String cityName() {
    JsonNode node = properties.get("city");
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      error("properties.city", FieldCode.WRONG_TYPE, "must be an object {\"name\": …}");
      return null;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("code")) {
        error(
            "properties.city.code", FieldCode.READ_ONLY, "is set by the server from the location");
      } else if (!name.equals("name")) {
        error("properties.city." + name, FieldCode.UNKNOWN_FIELD, "is not a property of a city");
      }
    }
    return text("properties.city.name", node.get("name"), MAX_TEXT);
  }

  private LocalDate observedAt() {
    JsonNode node = properties.get("observedAt");
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(node.asText());
      // A walker a few time zones ahead of the server may already be on the next day.
      LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusDays(1);
      if (!node.isTextual() || date.isBefore(EARLIEST) || date.isAfter(latest)) {
        error(
            "properties.observedAt",
            FieldCode.OUT_OF_RANGE,
            "must be a date from 1990-01-01 to today");
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      error("properties.observedAt", FieldCode.NOT_A_DATE, "must be a date YYYY-MM-DD");
      return null;
    }
  }

  private UUID clientId() {
    JsonNode node = properties.get("clientId");
    if (node == null || node.isNull() || mode != Mode.CREATE) {
      return null;
    }
    try {
      if (node.isTextual() && node.asText().length() == 36) {
        return UUID.fromString(node.asText());
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    error(
        "properties.clientId",
        FieldCode.BAD_FORMAT,
        "must be a UUID such as 3f1c…-…, made at random by the client");
    return null;
  }

  private Integer version() {
    return mode == Mode.AMEND ? integer("version", 0, Integer.MAX_VALUE) : null;
  }

  private void error(String field, FieldCode code, String message) {
    errors.add(new FieldError(field, code, message));
  }

  private static <E extends Enum<E> & WireValue> String choices(Class<E> type) {
    return WireValue.choices(type);
  }

  private static ApiException invalid(List<FieldError> errors) {
    return ApiException.invalid("Invalid sighting", errors);
  }
}
