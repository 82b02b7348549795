package org.technocarte.common.error;

import java.util.List;

/**
 * The one exception type for refusals: it carries the HTTP status, a stable code (the problem
 * `type`) and what the client may read. The mapper turns it into problem+json.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String title;
  private final List<FieldError> errors;
  private final Long retryAfterSeconds;

  public ApiException(
      int status, String code, String title, String detail, List<FieldError> errors) {
    this(status, code, title, detail, errors, null);
  }

  /** A refusal that may be tried again later (429, 503): the answer says when. */
  public ApiException(
      int status,
      String code,
      String title,
      String detail,
      List<FieldError> errors,
      Long retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException invalid(String title, List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return new ApiException(422, "validation", title, detail, errors);
  }

  public static ApiException badParameters(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " parameters are invalid";
    return new ApiException(400, "bad-parameter", "Invalid query parameter", detail, errors);
  }

  public static ApiException badRequest(String code, String title, String detail) {
    return new ApiException(400, code, title, detail, null);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not-found", "Not found", detail, null);
  }

  public static ApiException conflict(String code, String detail) {
    return new ApiException(409, code, "Conflict", detail, null);
  }

  public static ApiException tooLarge(int maxBytes) {
    return new ApiException(
        413,
        "body-too-large",
        "Request body too large",
        "The body must not exceed " + maxBytes + " bytes",
        null);
  }

  public Problem toProblem() {
    return new Problem("/problems/" + code, title, status, getMessage(), errors);
  }

  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static ApiException unauthenticated() {
    return new ApiException(
        401, "unauthenticated", "Login required", "Log in as a moderator to do this", null);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", "Forbidden", detail, null);
  }

  public int status() {
    return status;
  }
}
