package org.technocarte.common.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Time limits of the database work behind a request. With the pool's acquisition timeout
 * (quarkus.datasource.jdbc.acquisition-timeout) they bound how long a request can wait on the
 * database before it is answered 503.
 */
@ConfigMapping(prefix = "technocarte.database")
public interface DatabaseConfig {

  /**
   * Longest a statement may run (waiting for a lock included) on any pooled connection; PostgreSQL
   * cancels it beyond, and the request is answered 503 /problems/statement-timeout. The map's reads
   * take milliseconds: a statement this slow is stuck behind a lock or an overloaded server.
   */
  @WithDefault("PT5S")
  Duration statementTimeout();

  /**
   * Longest a statement of an export may run. PostgreSQL counts it per batch of rows fetched, not
   * for the whole download, so a slow client does not trip it; a filter that reads far more rows
   * than it keeps may. Waiting for a lock is still cut at {@link #statementTimeout()}.
   */
  @WithDefault("PT1M")
  Duration exportStatementTimeout();

  /**
   * Longest a request may wait for a worker thread (quarkus.thread-pool.max-threads of them) before
   * it starts; beyond, it is answered 503 /problems/server-busy at once rather than late. With the
   * acquisition and statement timeouts it bounds every request's wait.
   */
  @WithDefault("PT5S")
  Duration queueTimeout();
}
