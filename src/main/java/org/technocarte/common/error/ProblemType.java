package org.technocarte.common.error;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The catalogue of every kind of problem the API answers: its stable code (the `code` member and
 * the last segment of the problem `type`), its HTTP status and its default English title. Pages
 * translate by code; the English `detail` stays for API clients. A new refusal adds a constant
 * here, never a string in a service.
 */
public enum ProblemType {
  // the request itself
  BAD_REQUEST(400, "bad-request", "Bad request"),
  BAD_PARAMETER(400, "bad-parameter", "Invalid query parameter"),
  UNREADABLE_PARAMETER(400, "unreadable-parameter", "Unreadable request"),
  URI_TOO_LONG(414, "uri-too-long", "Request target too long"),
  EMPTY_BODY(400, "empty-body", "Empty body"),
  UNREADABLE_BODY(400, "unreadable-body", "Unreadable body"),
  MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
  WRONG_JSON_SHAPE(400, "wrong-json-shape", "Unexpected JSON"),
  BODY_TOO_LARGE(413, "body-too-large", "Request body too large"),
  UNSUPPORTED_CHARSET(415, "unsupported-charset", "Unsupported charset"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  NOT_FOUND(404, "not-found", "Not found"),
  RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable", "Range not satisfiable"),
  /** A refusal of the HTTP layer with no kind of its own: its status is the layer's. */
  REFUSED(400, "refused", "Refused"),
  VALIDATION(422, "validation", "Invalid request"),

  // who asks
  UNAUTHENTICATED(401, "unauthenticated", "Login required"),
  LOGIN_FAILED(401, "login-failed", "Login failed"),
  TOO_MANY_LOGINS(429, "too-many-logins", "Too many attempts"),
  CSRF(403, "csrf", "Missing CSRF token"),
  FORBIDDEN(403, "forbidden", "Forbidden"),
  ACCOUNT_EXISTS(409, "account-exists", "Conflict"),
  RATE_LIMITED(429, "rate-limited", "Too many requests"),
  PROOF_OF_WORK_REQUIRED(400, "proof-of-work-required", "Proof of work required"),
  MALFORMED_PROOF_OF_WORK(400, "malformed-proof-of-work", "Malformed proof of work"),
  INVALID_PROOF_OF_WORK(403, "invalid-proof-of-work", "Proof of work refused"),
  EXPIRED_PROOF_OF_WORK(403, "expired-proof-of-work", "Proof of work refused"),
  USED_PROOF_OF_WORK(403, "used-proof-of-work", "Proof of work refused"),

  // the state of what is changed
  STALE_VERSION(409, "stale-version", "Conflict"),
  WRONG_STATUS(409, "wrong-status", "Conflict"),
  NOT_PENDING(409, "not-pending", "Conflict"),
  ALREADY_REVERTED(409, "already-reverted", "Conflict"),
  CHANGED_SINCE(409, "changed-since", "Conflict"),
  IRREVERSIBLE(409, "irreversible", "Conflict"),
  NAME_TAKEN(409, "name-taken", "Conflict"),
  REFUSED_NODE(422, "refused-node", "Refused node"),

  // routes
  OUTSIDE_NETWORK(422, "outside-network", "Outside the street network"),
  NO_ROUTE(422, "no-route", "No route"),

  // photos
  IMAGE_TOO_LARGE(422, "image-too-large", "Image too large"),
  UNREADABLE_IMAGE(422, "unreadable-image", "Unreadable image"),
  UNSUPPORTED_IMAGE(415, "unsupported-image", "Unsupported image"),
  TOO_MANY_PHOTOS(409, "too-many-photos", "Conflict"),
  PHOTO_STORAGE(507, "photo-storage", "Photo storage full"),

  // the server
  BUSY(503, "busy", "Busy"),
  ROUTING_UNAVAILABLE(503, "routing-unavailable", "Routing not installed"),
  EXPORTS_BUSY(503, "exports-busy", "Too many downloads at once"),
  SERVER_BUSY(503, "server-busy", "Server busy"),
  DATABASE_UNAVAILABLE(503, "database-unavailable", "Database unavailable"),
  DATABASE_BUSY(503, "database-busy", "Database busy"),
  STATEMENT_TIMEOUT(503, "statement-timeout", "Database too slow"),
  INTERNAL(500, "internal", "Internal error");

  private final int status;
  private final String code;
  private final String title;

  ProblemType(int status, String code, String title) {
    this.status = status;
    this.code = code;
    this.title = title;
  }

  /** The stable code, as the API writes it. */
  @JsonValue
  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The problem `type` URI. */
  public String uri() {
    return "/problems/" + code;
  }
}
