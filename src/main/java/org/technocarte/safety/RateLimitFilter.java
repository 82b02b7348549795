package org.technocarte.safety;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.technocarte.common.error.Problem;
import org.technocarte.common.error.ProblemType;

/**
 * Applies {@link RateLimited} to the resource methods that carry it. The address is Quarkus's own
 * view of the client: X-Forwarded-For counts only when quarkus.http.proxy.proxy-address-forwarding
 * is on, so a client cannot pick its own bucket by sending the header.
 */
public class RateLimitFilter {

  private final RateLimiter limiter;

  public RateLimitFilter(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
  public Response limit(ResourceInfo resource, HttpServerRequest request) {
    Method method = resource.getResourceMethod();
    RateLimited limited = method == null ? null : method.getAnnotation(RateLimited.class);
    if (limited == null) {
      return null;
    }
    SocketAddress remote = request.remoteAddress();
    long wait = limiter.take(limited.value(), remote == null ? null : remote.hostAddress());
    if (wait == 0) {
      return null;
    }
    return Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", wait)
        .entity(
            Problem.of(
                ProblemType.RATE_LIMITED,
                "Too many requests from this network: try again in " + wait + " s"))
        .build();
  }
}
