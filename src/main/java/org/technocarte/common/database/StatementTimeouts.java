package org.technocarte.common.database;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Puts a statement timeout on every pooled connection, as it is created, so that no request waits
 * on the database without end (a lock held, an overloaded server): PostgreSQL cancels the statement
 * (SQLState 57014) and the request is answered 503.
 *
 * <p>Flyway runs its migrations through the same pool without a limit (quarkus.flyway.init-sql), as
 * a migration over a million rows may take minutes; the connections it leaves are closed once it is
 * done, before the first request.
 */
@ApplicationScoped
public class StatementTimeouts implements AgroalPoolInterceptor {

  private static final String SET_FOR_TRANSACTION =
      "SELECT set_config('statement_timeout', ?, true), set_config('lock_timeout', ?, true)";

  private final DatabaseConfig config;
  // Looked up late: the pool is built with this interceptor, it cannot be injected into it.
  private final Instance<AgroalDataSource> dataSource;

  public StatementTimeouts(DatabaseConfig config, Instance<AgroalDataSource> dataSource) {
    this.config = config;
    this.dataSource = dataSource;
  }

  @Override
  public void onConnectionCreate(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      // SET is not a parameterised statement; the value is a number of our own configuration.
      statement.execute("SET statement_timeout = " + millis(config.statementTimeout()));
      // The app's statements are short, and PostgreSQL's JIT compiles the costlier ones before
      // running them: at a million sightings compiling was most of the statistics' time
      // (deploy/bench/RESULTS.md, "Stats: per city").
      statement.execute("SET jit = off");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set the statement timeout", e);
    }
  }

  /**
   * Gives the current transaction of {@code connection} the longer limit of exports; the lock wait
   * keeps the ordinary limit. Ends with the transaction.
   */
  public void forExport(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SET_FOR_TRANSACTION)) {
      statement.setString(1, millis(config.exportStatementTimeout()));
      statement.setString(2, millis(config.statementTimeout()));
      statement.execute();
    }
  }

  /** Runs before any other start-up work that uses the database. */
  void closeMigrationConnections(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
    dataSource.get().flush(AgroalDataSource.FlushMode.IDLE);
  }

  private static String millis(Duration limit) {
    return Long.toString(limit.toMillis());
  }
}
