package com.billingcenter.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health} is UP only while the database answers: without it no page, API call or metering
 * run can do anything useful, so a load balancer should send no traffic here.
 */
@Readiness
@Liveness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(TIMEOUT_SECONDS);
      return response
          .status(valid)
          .withData("product", connection.getMetaData().getDatabaseProductName())
          .build();
    } catch (SQLException e) {
      // The reason goes to the check's data, never a stack trace.
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
