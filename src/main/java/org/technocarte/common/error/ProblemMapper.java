package org.technocarte.common.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.technocarte.common.JsonText;
import org.technocarte.common.database.ReadConnections;

/**
 * The one place where failures become answers: every error leaves as problem+json, and nothing
 * internal (stack trace, class name, SQL) reaches the client.
 */
public class ProblemMapper {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  /** Drops the pooled connections a failure may have broken (ReadConnections.sweep). */
  private final Runnable sweep;

  @Inject
  public ProblemMapper(ReadConnections connections) {
    this(atMostEverySecond(connections::sweep));
  }

  /**
   * A storm of failures (buffers full under overload) sweeps the pools once a second, not once per
   * failure: a connection broken since is swept by the next failure it causes.
   */
  static Runnable atMostEverySecond(Runnable sweep) {
    AtomicLong last = new AtomicLong(System.nanoTime() - 1_000_000_000L);
    return () -> {
      long now = System.nanoTime();
      long before = last.get();
      if (now - before >= 1_000_000_000L && last.compareAndSet(before, now)) {
        sweep.run();
      }
    };
  }

  ProblemMapper(Runnable sweep) {
    this.sweep = sweep;
  }

  @ServerExceptionMapper
  public Response api(ApiException e) {
    Response.ResponseBuilder answer =
        Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem());
    if (e.retryAfterSeconds() != null) {
      answer.header("Retry-After", e.retryAfterSeconds());
    }
    return send(answer);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)) {
      return wrongShape(mapping);
    }
    return respond(Problem.of(ProblemType.MALFORMED_JSON, "The request body is not valid JSON"));
  }

  /**
   * Ahead of the JSON layer's own mapper for this type, which answers an empty 400: valid JSON of
   * the wrong shape (an array for an object, text for a number, an unknown word) names the field.
   */
  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e) {
    return wrongShape(e);
  }

  private Response wrongShape(JsonMappingException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException refusal) {
        return api(refusal);
      }
    }
    if (e instanceof JsonText.TextRefused) {
      return api(JsonText.refusal(e));
    }
    String field = JsonText.path(e);
    FieldError error = expected(field, e);
    return api(
        new ApiException(
            ProblemType.WRONG_JSON_SHAPE, null, field + ": " + error.message(), List.of(error)));
  }

  /** What was expected there, in the product's words, never a Java class name. */
  private static FieldError expected(String field, JsonMappingException e) {
    Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (type == null) {
      return new FieldError(field, FieldCode.WRONG_TYPE, "has an unexpected value");
    }
    if (type.isEnum()) {
      return new FieldError(field, FieldCode.NOT_ONE_OF, "is not one of the known values");
    }
    if (type == String.class) {
      return new FieldError(field, FieldCode.NOT_TEXT, "must be text");
    }
    if (type == Boolean.class || type == boolean.class) {
      return new FieldError(field, FieldCode.NOT_A_BOOLEAN, "must be true or false");
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return new FieldError(field, FieldCode.NOT_A_NUMBER, "must be a number");
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return new FieldError(field, FieldCode.WRONG_TYPE, "must be a list");
    }
    return new FieldError(field, FieldCode.WRONG_TYPE, "must be an object");
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return respond(Problem.of(ProblemType.NOT_FOUND, "No such resource"));
  }

  @ServerExceptionMapper
  public Response notAllowed(NotAllowedException e) {
    Response.ResponseBuilder answer =
        Response.status(405)
            .type(Problem.MEDIA_TYPE)
            .entity(
                Problem.of(
                    ProblemType.METHOD_NOT_ALLOWED, "This resource does not accept this method"));
    e.getResponse().getAllowedMethods().forEach(m -> answer.header("Allow", m));
    return send(answer);
  }

  @ServerExceptionMapper
  public Response unsupported(NotSupportedException e) {
    return respond(
        Problem.of(
            ProblemType.UNSUPPORTED_MEDIA_TYPE,
            "Send the body as application/geo+json or application/json"));
  }

  @ServerExceptionMapper
  public Response notAcceptable(NotAcceptableException e) {
    return respond(
        Problem.of(
            ProblemType.NOT_ACCEPTABLE,
            "This resource answers in application/geo+json or application/json"));
  }

  @ServerExceptionMapper
  public Response stale(OptimisticLockException e) {
    return staleVersion();
  }

  @ServerExceptionMapper
  public Response stale(StaleStateException e) {
    return staleVersion();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return internal(e);
    }
    // The JSON layer wraps what it cannot bind (malformed JSON, a value its constructor refused)
    // in a bare 400: the cause says which.
    if (e.getCause() instanceof ApiException refusal) {
      return api(refusal);
    }
    if (e.getCause() instanceof JsonProcessingException json) {
      return malformedJson(json);
    }
    String title = Response.Status.fromStatusCode(status) == null ? "Error" : reason(status);
    return api(ApiException.refused(status, title, title));
  }

  /**
   * The database's expected faults (down, pool exhausted, too slow) are 503 with Retry-After and
   * one log line without a stack trace; anything else is a bug, logged whole.
   */
  @ServerExceptionMapper
  public Response internal(Throwable e) {
    Optional<DatabaseFaults.Fault> fault = DatabaseFaults.classify(e);
    if (fault.isPresent()) {
      LOG.warn(fault.get().logLine());
      return api(fault.get().toApiException());
    }
    // An Error, or a failure nobody expected, may have left a pooled connection in the middle of
    // a message of the protocol.
    sweep.run();
    if (outOfDirectMemory(e)) {
      LOG.warn("Answered 503 /problems/server-busy: the buffers for answers are full");
      return api(
          new ApiException(
              ProblemType.SERVER_BUSY,
              ProblemType.SERVER_BUSY.title(),
              "The server is answering too many requests at once; try again in a moment",
              null,
              2L));
    }
    LOG.error("Unexpected failure while answering a request", e);
    return respond(
        Problem.of(ProblemType.INTERNAL, "The server failed to answer; it has been logged"));
  }

  /**
   * The memory for answers on their way out (direct buffers, capped by -XX:MaxDirectMemorySize) is
   * used up when many large answers wait for slow clients at once: an overload, not a bug.
   */
  static boolean outOfDirectMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError
          && String.valueOf(t.getMessage()).contains("direct buffer")) {
        return true;
      }
    }
    return false;
  }

  private static Response staleVersion() {
    return respond(
        Problem.of(
            ProblemType.STALE_VERSION,
            "The sighting was changed by someone else: reload it and apply your change again"));
  }

  private static String reason(int status) {
    return Response.Status.fromStatusCode(status).getReasonPhrase();
  }

  private static Response respond(Problem problem) {
    return send(Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem));
  }

  /**
   * Every answer of this mapper passes here. When part of a file has already left (a download
   * streaming), no status can be sent any more and the problem must not be appended to the file:
   * the connection is cut instead, so the client sees its file is incomplete.
   */
  private static Response send(Response.ResponseBuilder answer) {
    if (StartedAnswer.headSent()) {
      StartedAnswer.cut();
    }
    return answer.build();
  }
}
