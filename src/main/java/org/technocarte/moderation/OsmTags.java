package org.technocarte.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an OpenStreetMap surveillance node, as Overpass exports it to GeoJSON (its tags as
 * properties), into the properties of a sighting. The sighting parser then checks them as it checks
 * any submission.
 */
final class OsmTags {

  private static final Pattern NUMBER = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(?:m)?\\s*");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Map<String, String> SURVEILLANCE_TYPES =
      Map.of("camera", "camera", "alpr", "alpr", "guard", "guard");
  private static final Map<String, String> OPERATOR_TYPES =
      Map.of(
          "public", "public",
          "government", "public",
          "municipal", "public",
          "police", "police",
          "transport", "transport",
          "private", "private");

  private OsmTags() {}

  /** The reference of the OSM object ("node/123"), from `@id`, `id` or the feature's id. */
  static Optional<String> reference(JsonNode feature) {
    JsonNode tags = feature.path("properties");
    for (JsonNode id : new JsonNode[] {tags.get("@id"), tags.get("id"), feature.get("id")}) {
      if (id != null && id.isTextual() && id.asText().matches("(node|way|relation)/\\d{1,19}")) {
        return Optional.of("osm:" + id.asText());
      }
    }
    return Optional.empty();
  }

  static boolean isSurveillance(JsonNode tags) {
    return "surveillance".equals(tags.path("man_made").asText());
  }

  /** A sighting Feature made from the node: geometry as it is, tags mapped to properties. */
  static ObjectNode toSighting(JsonNode feature) {
    JsonNode tags = feature.path("properties");
    ObjectNode sighting = JsonNodeFactory.instance.objectNode().put("type", "Feature");
    sighting.set("geometry", feature.get("geometry"));
    ObjectNode p = sighting.putObject("properties");
    String type = tags.path("surveillance:type").asText("camera").toLowerCase(Locale.ROOT);
    p.put("surveillanceType", SURVEILLANCE_TYPES.getOrDefault(type, "other"));
    word(tags, "camera:type", Map.of("fixed", "fixed", "dome", "dome", "panning", "panning"))
        .ifPresent(v -> p.put("cameraType", v));
    text(tags, "camera:mount").ifPresent(v -> p.put("mount", mount(v)));
    String directions = tags.path("camera:direction").asText(tags.path("direction").asText(""));
    if (!directions.isBlank()) {
      ArrayNode list = p.putArray("directions");
      for (String d : directions.split(";")) {
        var number = NUMBER.matcher(d);
        if (number.matches()) {
          list.add(Math.round(Double.parseDouble(number.group(1))) % 360);
        } else {
          list.add(d.strip());
        }
      }
    }
    word(tags, "surveillance", Map.of("public", "public", "outdoor", "outdoor", "indoor", "indoor"))
        .ifPresent(v -> p.put("area", v));
    text(tags, "surveillance:zone").ifPresent(v -> p.put("zone", zone(v)));
    text(tags, "operator").ifPresent(v -> p.put("operator", v));
    text(tags, "operator:type")
        .map(v -> OPERATOR_TYPES.get(v.toLowerCase(Locale.ROOT)))
        .ifPresent(v -> p.put("operatorType", v));
    text(tags, "height")
        .map(NUMBER::matcher)
        .filter(java.util.regex.Matcher::matches)
        .ifPresent(m -> p.put("height", Double.parseDouble(m.group(1))));
    text(tags, "description").ifPresent(v -> p.put("notes", v));
    text(tags, "survey:date")
        .filter(v -> DATE.matcher(v).matches())
        .ifPresent(v -> p.put("observedAt", v));
    return sighting;
  }

  /** When the node was last seen there: check_date, else survey:date. */
  static Optional<String> checkDate(JsonNode feature) {
    JsonNode tags = feature.path("properties");
    return text(tags, "check_date")
        .or(() -> text(tags, "survey:date"))
        .filter(v -> DATE.matcher(v).matches());
  }

  private static String mount(String value) {
    return switch (value) {
      case "pole", "wall", "ceiling", "street_lamp", "building", "traffic_signals", "gantry" ->
          value;
      default -> "other";
    };
  }

  private static String zone(String value) {
    return switch (value) {
      case "town", "traffic", "parking", "shop", "bank", "building", "entrance" -> value;
      default -> "other";
    };
  }

  private static Optional<String> word(JsonNode tags, String key, Map<String, String> known) {
    return text(tags, key).map(v -> known.get(v.toLowerCase(Locale.ROOT)));
  }

  private static Optional<String> text(JsonNode tags, String key) {
    JsonNode v = tags.get(key);
    return v == null || !v.isTextual() || v.asText().isBlank()
        ? Optional.empty()
        : Optional.of(v.asText().strip());
  }
}
