package org.technocarte.export;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.technocarte.common.WireValue;
import org.technocarte.sighting.Area;
import org.technocarte.sighting.CameraType;
import org.technocarte.sighting.Mount;
import org.technocarte.sighting.OperatorType;
import org.technocarte.sighting.Source;
import org.technocarte.sighting.SurveillanceType;
import org.technocarte.sighting.Zone;

/**
 * The properties a filter may name, and the only columns a filter can reach: a name outside this
 * list is refused, so no text of a filter ever becomes a column name.
 */
public enum Queryable {
  GEOMETRY("geometry", "s.geom", Type.GEOMETRY, null),
  ID("id", "s.id", Type.INTEGER, null),
  SURVEILLANCE_TYPE("surveillanceType", "s.surveillance_type", Type.STRING, SurveillanceType.class),
  CAMERA_TYPE("cameraType", "s.camera_type", Type.STRING, CameraType.class),
  MOUNT("mount", "s.mount", Type.STRING, Mount.class),
  FIELD_OF_VIEW("fieldOfView", "s.field_of_view", Type.INTEGER, null),
  AREA("area", "s.area", Type.STRING, Area.class),
  ZONE("zone", "s.zone", Type.STRING, Zone.class),
  OPERATOR("operator", "s.operator", Type.STRING, null),
  OPERATOR_TYPE("operatorType", "s.operator_type", Type.STRING, OperatorType.class),
  HEIGHT("height", "s.height", Type.NUMBER, null),
  VSA_SUSPECTED("vsaSuspected", "s.vsa_suspected", Type.BOOLEAN, null),
  VSA_EVIDENCE("vsaEvidence", "s.vsa_evidence", Type.STRING, null),
  NOTES("notes", "s.notes", Type.STRING, null),
  CITY_CODE("cityCode", "s.city_code", Type.STRING, null),
  CITY_NAME("cityName", "s.city_name", Type.STRING, null),
  OBSERVED_AT("observedAt", "s.observed_at", Type.DATE, null),
  CHECK_DATE("checkDate", "s.check_date", Type.DATE, null),
  SOURCE("source", "s.source", Type.STRING, Source.class),
  CREATED_AT("createdAt", "s.created_at", Type.TIMESTAMP, null),
  UPDATED_AT("updatedAt", "s.updated_at", Type.TIMESTAMP, null);

  /** What a queryable holds, which decides what it may be compared with. */
  public enum Type {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    GEOMETRY
  }

  private final String property;
  private final String column;
  private final Type type;
  private final Class<? extends WireValue> words;

  Queryable(String property, String column, Type type, Class<? extends WireValue> words) {
    this.property = property;
    this.column = column;
    this.type = type;
    this.words = words;
  }

  public static Optional<Queryable> named(String property) {
    return Arrays.stream(values()).filter(q -> q.property.equals(property)).findFirst();
  }

  public String property() {
    return property;
  }

  String column() {
    return column;
  }

  public Type type() {
    return type;
  }

  /** The JSON Schema of this queryable, as OGC API – Features Part 3 lists them. */
  Map<String, Object> schema() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("title", property);
    switch (type) {
      case GEOMETRY -> schema.put("format", "geometry-point");
      case STRING -> schema.put("type", "string");
      case INTEGER -> schema.put("type", "integer");
      case NUMBER -> schema.put("type", "number");
      case BOOLEAN -> schema.put("type", "boolean");
      case DATE -> {
        schema.put("type", "string");
        schema.put("format", "date");
      }
      case TIMESTAMP -> {
        schema.put("type", "string");
        schema.put("format", "date-time");
      }
    }
    if (words != null) {
      schema.put("enum", Arrays.stream(words.getEnumConstants()).map(WireValue::wire).toList());
    }
    return schema;
  }

  static List<Queryable> all() {
    return List.of(values());
  }
}
