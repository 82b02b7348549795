package org.technocarte.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.technocarte.common.JsonBody;

/**
 * Refuses a body that declares itself too large before a byte of it is read, with a problem+json
 * 413, ahead of the HTTP layer's own bare limit. Bodies that hide their size (chunked) are cut by
 * {@link JsonBody} instead.
 */
@ApplicationScoped
public class BodySizeLimit {

  private final int apiMaxBytes;
  private final ObjectMapper mapper;

  public BodySizeLimit(JsonBody json, ObjectMapper mapper) {
    this.apiMaxBytes = json.maxBytes();
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
  }

  private void check(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && context.normalizedPath().startsWith("/api/") && tooLong(length)) {
      try {
        byte[] body = mapper.writeValueAsBytes(ApiException.tooLarge(apiMaxBytes).toProblem());
        context
            .response()
            .setStatusCode(413)
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
            .putHeader(HttpHeaders.CONNECTION, "close")
            .end(io.vertx.core.buffer.Buffer.buffer(body));
      } catch (JsonProcessingException e) {
        context.fail(e);
      }
      return;
    }
    context.next();
  }

  private boolean tooLong(String length) {
    try {
      return Long.parseLong(length.trim()) > apiMaxBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
