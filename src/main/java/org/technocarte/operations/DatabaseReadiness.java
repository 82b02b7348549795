package org.technocarte.operations;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when a pooled connection answers. It replaces Quarkus' datasource check, whose answer names
 * the database's address and the driver's message during an outage: /q/health is read by
 * orchestrators but reachable by anyone, so it says UP or DOWN and nothing else.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  static final String NAME = "database";
  private static final int VALID_WITHIN_SECONDS = 2;

  private final AgroalDataSource dataSource;

  public DatabaseReadiness(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME).status(answers()).build();
  }

  private boolean answers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(VALID_WITHIN_SECONDS);
    } catch (Exception e) {
      // Expected during an outage, and polled every few seconds: the failed requests log it.
      return false;
    }
  }
}
