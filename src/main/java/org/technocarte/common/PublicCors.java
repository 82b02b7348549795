package org.technocarte.common;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin reads of the open data: a web map on another site may read the OGC API, the exports,
 * the vector tiles, the map's sightings, the statistics and the cities (CORS, {@code
 * Access-Control-Allow-Origin: *}). Only GET and HEAD, never with credentials (no
 * Access-Control-Allow-Credentials: a browser then sends no cookie and shows no answer meant for a
 * logged-in user), and never for accounts, moderation, groups or any write: those answers carry no
 * CORS header, so browsers keep them to the app's own pages.
 */
@ApplicationScoped
public class PublicCors {

  /** Path prefixes of the public reads; each also matches the path itself. */
  static final List<String> PUBLIC =
      List.of("/ogc", "/api/export", "/tiles", "/api/sightings", "/api/stats", "/api/cities");

  static final String ALLOW_METHODS = "GET, HEAD, OPTIONS";

  /** Request headers a cross-origin reader may send beyond the CORS-safelisted ones. */
  static final String ALLOW_HEADERS =
      "Accept, Accept-Language, Content-Language, If-None-Match, If-Modified-Since, Range";

  /** Answer headers a cross-origin reader may see beyond the CORS-safelisted ones. */
  static final String EXPOSE_HEADERS = "Content-Crs, Content-Disposition, ETag, Link, Retry-After";

  /** How long a browser may reuse a preflight answer, in seconds. */
  static final String MAX_AGE = "86400";

  private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

  /** Right after SecurityHeaders, so that preflight answers carry those headers too. */
  void install(@Observes @Priority(2) Router router) {
    router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
  }

  private void handle(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (!isPublic(context.normalizedPath())) {
      context.next();
      return;
    }
    if (request.method() == HttpMethod.OPTIONS
        && request.getHeader("Origin") != null
        && request.getHeader("Access-Control-Request-Method") != null) {
      preflight(context, request.getHeader("Access-Control-Request-Method"));
      return;
    }
    if (READS.contains(request.method())) {
      context.addHeadersEndHandler(
          v ->
              context
                  .response()
                  .putHeader("Access-Control-Allow-Origin", "*")
                  .putHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS));
    }
    context.next();
  }

  /** A read is allowed from anywhere; any other method gets no CORS header, so no permission. */
  private static void preflight(RoutingContext context, String method) {
    // Method names are case-sensitive (RFC 9110); anything but a read is refused by silence.
    if (!"GET".equals(method.trim()) && !"HEAD".equals(method.trim())) {
      context.response().setStatusCode(204).end();
      return;
    }
    context
        .response()
        .setStatusCode(204)
        .putHeader("Access-Control-Allow-Origin", "*")
        .putHeader("Access-Control-Allow-Methods", ALLOW_METHODS)
        .putHeader("Access-Control-Allow-Headers", ALLOW_HEADERS)
        .putHeader("Access-Control-Max-Age", MAX_AGE)
        .end();
  }

  static boolean isPublic(String path) {
    if (path == null) {
      return false;
    }
    for (String prefix : PUBLIC) {
      if (path.equals(prefix) || path.startsWith(prefix + "/")) {
        return true;
      }
    }
    return false;
  }
}
