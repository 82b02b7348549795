package org.technocarte.common.error;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.technocarte.common.database.DatabaseConfig;

/**
 * Bounds how long a request waits for a worker thread. The requests that block (all that read the
 * database) run on quarkus.thread-pool.max-threads workers, twice the pool, so that under load they
 * wait their turn in the executor's queue, in order, rather than race for a connection. When the
 * database is stuck that queue grows: a request that waited longer than
 * technocarte.database.queue-timeout is answered 503 /problems/server-busy before it does any work,
 * so that no request hangs past the bound of README's "When the database fails".
 */
@ApplicationScoped
public class QueueWait {

  private static final Logger LOG = Logger.getLogger(QueueWait.class);

  private static final String ARRIVED = "technocarte.arrived";

  private final long limitNanos;

  public QueueWait(DatabaseConfig config) {
    this.limitNanos = config.queueTimeout().toNanos();
  }

  /** Notes when the request arrived, on the event loop, before it waits for a worker. */
  void install(@Observes @Priority(3) Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE + 1)
        .handler(
            context -> {
              context.put(ARRIVED, System.nanoTime());
              context.next();
            });
  }

  /** First of the filters, on the worker thread: before authentication reads the database. */
  @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
  public Response waited(RoutingContext context) {
    Long arrived = context.get(ARRIVED);
    if (arrived == null || !tooLong(arrived, System.nanoTime(), limitNanos)) {
      return null;
    }
    LOG.warn("Answered 503 /problems/server-busy: the request waited too long for a worker");
    return Response.status(503)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", 2)
        .entity(
            Problem.of(
                ProblemType.SERVER_BUSY,
                "The server is answering too many requests at once; try again in a moment"))
        .build();
  }

  static boolean tooLong(long arrivedNanos, long nowNanos, long limitNanos) {
    return nowNanos - arrivedNanos > limitNanos;
  }
}
