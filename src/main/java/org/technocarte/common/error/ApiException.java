package org.technocarte.common.error;

import java.util.List;

/**
 * The one exception type for refusals: it carries a kind from the {@link ProblemType} catalogue
 * (its stable code and HTTP status) and what the client may read. The mapper turns it into
 * problem+json.
 */
public class ApiException extends RuntimeException {

  private final ProblemType type;
  private final int status;
  private final String title;
  private final List<FieldError> errors;
  private final Long retryAfterSeconds;

  /** A refusal with the catalogue's title. */
  public ApiException(ProblemType type, String detail) {
    this(type, type.title(), detail, null, null);
  }

  public ApiException(ProblemType type, String title, String detail, List<FieldError> errors) {
    this(type, title, detail, errors, null);
  }

  /** A refusal that may be tried again later (429, 503): the answer says when. */
  public ApiException(
      ProblemType type,
      String title,
      String detail,
      List<FieldError> errors,
      Long retryAfterSeconds) {
    this(type, type.status(), title, detail, errors, retryAfterSeconds);
  }

  private ApiException(
      ProblemType type,
      int status,
      String title,
      String detail,
      List<FieldError> errors,
      Long retryAfterSeconds) {
    super(detail, null, false, false);
    this.type = type;
    this.status = status;
    this.title = title == null ? type.title() : title;
    this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** A refusal of the HTTP layer itself, with its own status and no kind of its own. */
  public static ApiException refused(int status, String title, String detail) {
    return new ApiException(ProblemType.REFUSED, status, title, detail, null, null);
  }

  public static ApiException invalid(String title, List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return new ApiException(ProblemType.VALIDATION, title, detail, errors);
  }

  /** One invalid field. */
  public static ApiException invalid(String title, String field, FieldCode code, String message) {
    return invalid(title, List.of(new FieldError(field, code, message)));
  }

  public static ApiException badParameters(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " parameters are invalid";
    return new ApiException(ProblemType.BAD_PARAMETER, null, detail, errors);
  }

  public static ApiException badRequest(ProblemType type, String detail) {
    return new ApiException(type, detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(ProblemType.NOT_FOUND, detail);
  }

  public static ApiException conflict(ProblemType type, String detail) {
    return new ApiException(type, detail);
  }

  public static ApiException tooLarge(int maxBytes) {
    return new ApiException(
        ProblemType.BODY_TOO_LARGE, "The body must not exceed " + maxBytes + " bytes");
  }

  public static ApiException unauthenticated() {
    return new ApiException(ProblemType.UNAUTHENTICATED, "Log in as a moderator to do this");
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(ProblemType.FORBIDDEN, detail);
  }

  public Problem toProblem() {
    return new Problem(type.uri(), type, title, status, getMessage(), errors);
  }

  public ProblemType type() {
    return type;
  }

  /** The fields refused, each with its code; empty when the refusal names none. */
  public List<FieldError> errors() {
    return errors == null ? List.of() : errors;
  }

  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int status() {
    return status;
  }
}
