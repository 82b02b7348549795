package org.technocarte.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become answers: every error leaves as problem+json, and nothing
 * internal (stack trace, class name, SQL) reaches the client.
 */
public class ProblemMapper {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @ServerExceptionMapper
  public Response api(ApiException e) {
    Response.ResponseBuilder answer =
        Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem());
    if (e.retryAfterSeconds() != null) {
      answer.header("Retry-After", e.retryAfterSeconds());
    }
    return answer.build();
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e) {
    return respond(
        problem(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON"));
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return respond(problem(404, "not-found", "Not found", "No such resource"));
  }

  @ServerExceptionMapper
  public Response notAllowed(NotAllowedException e) {
    Response.ResponseBuilder answer =
        Response.status(405)
            .type(Problem.MEDIA_TYPE)
            .entity(
                problem(
                    405,
                    "method-not-allowed",
                    "Method not allowed",
                    "This resource does not accept this method"));
    e.getResponse().getAllowedMethods().forEach(m -> answer.header("Allow", m));
    return answer.build();
  }

  @ServerExceptionMapper
  public Response unsupported(NotSupportedException e) {
    return respond(
        problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "Send the body as application/geo+json or application/json"));
  }

  @ServerExceptionMapper
  public Response notAcceptable(NotAcceptableException e) {
    return respond(
        problem(
            406,
            "not-acceptable",
            "Not acceptable",
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
    String title = Response.Status.fromStatusCode(status) == null ? "Error" : reason(status);
    return respond(problem(status, "http-" + status, title, title));
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
    LOG.error("Unexpected failure while answering a request", e);
    return respond(
        problem(
            500, "internal", "Internal error", "The server failed to answer; it has been logged"));
  }

  private static Response staleVersion() {
    return respond(
        problem(
            409,
            "stale-version",
            "Conflict",
            "The sighting was changed by someone else: reload it and apply your change again"));
  }

  private static String reason(int status) {
    return Response.Status.fromStatusCode(status).getReasonPhrase();
  }

  private static Problem problem(int status, String code, String title, String detail) {
    return new Problem("/problems/" + code, title, status, detail, null);
  }

  private static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
