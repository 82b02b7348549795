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

  /** Endpoints that take files, and their own limits; every other API path has the JSON one. */
  private final java.util.Map<String, Integer> fileEndpoints;

  private final int apiMaxBytes;
  private final ObjectMapper mapper;

  public BodySizeLimit(
      JsonBody json, ObjectMapper mapper, org.technocarte.common.config.TechnocarteConfig config) {
    this.apiMaxBytes = json.maxBytes();
    this.mapper = mapper;
    this.fileEndpoints = java.util.Map.of("/api/moderation/imports", config.api().maxImportBytes());
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
  }

  private void check(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    String path = context.normalizedPath();
    int limit =
        fileEndpoints.entrySet().stream()
            .filter(e -> path.startsWith(e.getKey()))
            .map(java.util.Map.Entry::getValue)
            .findFirst()
            .orElse(apiMaxBytes);
    if (length != null && path.startsWith("/api/") && tooLong(length, limit)) {
      try {
        byte[] body = mapper.writeValueAsBytes(ApiException.tooLarge(limit).toProblem());
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

  private static boolean tooLong(String length, int limit) {
    try {
      return Long.parseLong(length.trim()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
