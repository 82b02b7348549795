package org.technocarte.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.technocarte.common.error.FieldCode;
import org.technocarte.sighting.QueryParams;
import org.technocarte.sighting.SightingView;

/**
 * How the OGC API writes a sighting: its coordinates in the CRS asked for ({@code crs}), the
 * properties asked for ({@code properties}, all when null), and its geometry unless {@code
 * skipGeometry}. The city is written flat, {@code cityCode} and {@code cityName}, the names the
 * queryables, the filters and the CSV use.
 */
public record FeatureShape(Crs crs, Set<String> properties, boolean skipGeometry) {

  /** The CRS84 feature with every property. */
  static final FeatureShape WHOLE = new FeatureShape(Crs.DEFAULT, null, false);

  /** The names of an OGC feature's properties, in the order they are written. */
  static final List<String> PROPERTIES = propertyNames();

  private static List<String> propertyNames() {
    List<String> names = new ArrayList<>();
    for (RecordComponent c : SightingView.Properties.class.getRecordComponents()) {
      switch (c.getName()) {
        case "city" -> names.addAll(List.of("cityCode", "cityName"));
        case "editToken" -> {
          // never public
        }
        default -> names.add(c.getName());
      }
    }
    return List.copyOf(names);
  }

  /** Reads {@code crs}, {@code properties} and {@code skipGeometry}, errors kept in params. */
  static FeatureShape parse(QueryParams params) {
    return new FeatureShape(Crs.read(params, "crs"), properties(params), skip(params));
  }

  private static boolean skip(QueryParams params) {
    Boolean skip = params.bool("skipGeometry");
    return skip != null && skip;
  }

  private static Set<String> properties(QueryParams params) {
    String text = params.text("properties");
    if (text == null) {
      return null;
    }
    Set<String> kept = new LinkedHashSet<>();
    for (String name : text.split(",", -1)) {
      String n = name.trim();
      if (PROPERTIES.contains(n)) {
        kept.add(n);
      } else {
        params.error(
            "properties",
            FieldCode.NOT_ONE_OF,
            "'" + n + "' is not a property; properties: " + String.join(", ", PROPERTIES));
      }
    }
    return kept;
  }

  /** The sighting as an OGC feature, without links. */
  ObjectNode apply(SightingView sighting, ObjectMapper mapper) {
    ObjectNode feature = mapper.valueToTree(sighting);
    if (skipGeometry) {
      feature.putNull("geometry");
    }
    ObjectNode written = mapper.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> all = feature.path("properties").fields();
    while (all.hasNext()) {
      Map.Entry<String, JsonNode> p = all.next();
      if (p.getKey().equals("city")) {
        keep(written, "cityCode", p.getValue().path("code"));
        keep(written, "cityName", p.getValue().path("name"));
      } else if (!p.getKey().equals("editToken")) {
        keep(written, p.getKey(), p.getValue());
      }
    }
    feature.set("properties", written);
    return feature;
  }

  private void keep(ObjectNode written, String name, JsonNode value) {
    if (properties == null || properties.contains(name)) {
      written.set(name, value.isMissingNode() ? written.nullNode() : value);
    }
  }
}
