package org.technocarte.sighting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sighting as the API writes it in GeoJSON, built by PostgreSQL from a row of {@code sighting s}
 * as one text value: the members, their order and their values of a {@link SightingView} written by
 * Jackson, without a row mapped to Java (what pg_featureserv does). The map and the OGC API items
 * stream these texts as they come; {@code FeatureJsonTest} holds them to Jackson's writing.
 *
 * <p>Each value is {@code to_json} of its column, {@code null} when the column is: texts escaped,
 * numbers in PostgreSQL's shortest exact form (the same doubles as Java's), dates {@code
 * YYYY-MM-DD}, and instants in UTC as Jackson writes them ({@code 2026-12-02T16:48:46.123Z}: the
 * fraction without its trailing zeros, none when whole). Built by concatenation rather than {@code
 * json_build_object}, which would put {@code " : "} between every name and value.
 */
public final class FeatureJson {

  private FeatureJson() {}

  /**
   * The properties in the order of {@link SightingView.Properties}, {@code city} standing for the
   * city object of the map ({@code cityCode}, {@code cityName} when flat).
   */
  private static final Map<String, String> PROPERTIES = properties();

  private static Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("surveillanceType", json("s.surveillance_type"));
    p.put("cameraType", json("s.camera_type"));
    p.put("mount", json("s.mount"));
    p.put("directions", json("s.directions"));
    p.put("fieldOfView", json("s.field_of_view"));
    p.put("area", json("s.area"));
    p.put("zone", json("s.zone"));
    p.put("operator", json("s.operator"));
    p.put("operatorType", json("s.operator_type"));
    p.put("height", decimal("s.height"));
    p.put("vsaSuspected", json("s.vsa_suspected"));
    p.put("vsaEvidence", json("s.vsa_evidence"));
    p.put("notes", json("s.notes"));
    p.put("city", null);
    p.put("observedAt", json("s.observed_at"));
    p.put("checkDate", json("s.check_date"));
    p.put("status", json("s.status"));
    p.put("removedOn", json("s.removed_on"));
    p.put("source", json("s.source"));
    p.put("sourceRef", json("s.source_ref"));
    p.put("version", json("s.version"));
    p.put("createdAt", instant("s.created_at"));
    p.put("updatedAt", instant("s.updated_at"));
    return p;
  }

  /** The feature of the map: coordinates lon/lat, the city an object (null with neither part). */
  public static final String MAP = feature("s.geom", false, null, false);

  /**
   * The feature of the GeoJSON export (export.FlatFeature) and of the OGC API's whole items in
   * CRS84: coordinates lon/lat, the city flat.
   */
  public static final String FLAT = feature("s.geom", true, null, false);

  /**
   * A feature its coordinates taken from the SQL expression {@code geometry} (a point), its city
   * flat ({@code cityCode}, {@code cityName}) when {@code flatCity}, only the properties named in
   * {@code only} (all when null), its geometry {@code null} when {@code skipGeometry}: the OGC
   * API's (see export.FeatureShape).
   */
  public static String feature(
      String geometry, boolean flatCity, Set<String> only, boolean skipGeometry) {
    List<String> parts = new ArrayList<>();
    parts.add("'{\"type\":\"Feature\",\"id\":'");
    parts.add("s.id");
    if (skipGeometry) {
      parts.add("',\"geometry\":null,\"properties\":{'");
    } else {
      parts.add("',\"geometry\":{\"type\":\"Point\",\"coordinates\":['");
      parts.add(json("ST_X(" + geometry + ")"));
      parts.add("','");
      parts.add(json("ST_Y(" + geometry + ")"));
      parts.add("']},\"properties\":{'");
    }
    boolean first = true;
    for (Map.Entry<String, String> p : PROPERTIES.entrySet()) {
      if (p.getValue() == null && flatCity) {
        first = member(parts, first, only, "cityCode", json("s.city_code"));
        first = member(parts, first, only, "cityName", json("s.city_name"));
      } else if (p.getValue() == null) {
        first =
            member(
                parts,
                first,
                only,
                p.getKey(),
                "CASE WHEN s.city_code IS NULL AND s.city_name IS NULL THEN 'null' ELSE"
                    + " '{\"code\":' || "
                    + json("s.city_code")
                    + " || ',\"name\":' || "
                    + json("s.city_name")
                    + " || '}' END");
      } else {
        first = member(parts, first, only, p.getKey(), p.getValue());
      }
    }
    parts.add("'}}'");
    return "(" + String.join(" || ", merged(parts)) + ")";
  }

  private static boolean member(
      List<String> parts, boolean first, Set<String> only, String name, String value) {
    if (only != null && !only.contains(name)) {
      return first;
    }
    parts.add("'" + (first ? "" : ",") + "\"" + name + "\":'");
    parts.add(value);
    return false;
  }

  /** Neighbouring literals joined into one, so that the SQL concatenates less. */
  private static List<String> merged(List<String> parts) {
    List<String> out = new ArrayList<>();
    for (String part : parts) {
      int last = out.size() - 1;
      if (last >= 0 && literal(part) && literal(out.get(last))) {
        String a = out.get(last);
        out.set(last, a.substring(0, a.length() - 1) + part.substring(1));
      } else {
        out.add(part);
      }
    }
    return out;
  }

  private static boolean literal(String part) {
    return part.startsWith("'") && part.endsWith("'");
  }

  /** The column as a JSON value, never SQL NULL. */
  private static String json(String column) {
    return "coalesce(to_json(" + column + ")::text, 'null')";
  }

  /**
   * A numeric column as Jackson writes a Double: a whole number keeps its ".0" (6.0, not 6), so
   * that clients which type a field from its values (GDAL, QGIS) read a real number, as before.
   */
  private static String decimal(String column) {
    return "CASE WHEN "
        + column
        + " IS NULL THEN 'null' WHEN "
        + column
        + " = trunc("
        + column
        + ") THEN trunc("
        + column
        + ")::text || '.0' ELSE to_json("
        + column
        + "::float8)::text END";
  }

  /**
   * A timestamptz as Jackson writes an OffsetDateTime in UTC: to_json of the UTC time (ISO 8601,
   * the fraction's trailing zeros trimmed as Java does) and a Z.
   */
  private static String instant(String column) {
    return "coalesce(rtrim(to_json("
        + column
        + " AT TIME ZONE 'UTC')::text, '\"') || 'Z\"', 'null')";
  }
}
