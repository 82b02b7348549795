package org.technocarte.common.error;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The catalogue of why one field (or query parameter) is refused: the stable `code` of each field
 * error, next to its English `message`. Pages translate by code and field name.
 */
public enum FieldCode {
  /** Absent or empty, and needed. */
  REQUIRED("required"),
  /** Needed because of another field's value (a comment when the reason is "other"). */
  REQUIRED_WITH("required-with"),
  /** Not a field or parameter of this request. */
  UNKNOWN_FIELD("unknown-field"),
  /** Set by the server, or only when the object is created. */
  READ_ONLY("read-only"),
  /** Given more than once. */
  REPEATED("repeated"),
  /** Of the wrong JSON type or shape (an object for a list, a Polygon for a Point). */
  WRONG_TYPE("wrong-type"),
  NOT_TEXT("not-text"),
  NOT_A_NUMBER("not-a-number"),
  NOT_A_BOOLEAN("not-a-boolean"),
  /** Not one of the known values of a list (camera types, reasons, roles). */
  NOT_ONE_OF("not-one-of"),
  /** A number, a date or a count outside its limits. */
  OUT_OF_RANGE("out-of-range"),
  /** Text longer or shorter than allowed. */
  LENGTH("length"),
  CONTROL_CHARACTERS("control-characters"),
  NOT_A_DATE("not-a-date"),
  NOT_A_WEB_ADDRESS("not-a-web-address"),
  NOT_AN_EMAIL("not-an-email"),
  /** Text of a known format that does not parse (a UUID, a bbox, a CQL2 filter, a city code). */
  BAD_FORMAT("bad-format"),
  /** Unreadable bytes in the request target (a NUL, a broken percent escape, not UTF-8). */
  UNREADABLE("unreadable"),
  /** Points at itself where another object is needed. */
  SAME_OBJECT("same-object"),
  /** A geometry that is not a valid area (an outline that crosses itself). */
  INVALID_GEOMETRY("invalid-geometry"),
  /** A geometry too large, or outside its bounds. */
  TOO_LARGE("too-large");

  private final String code;

  FieldCode(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
