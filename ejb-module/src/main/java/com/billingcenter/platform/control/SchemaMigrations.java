package com.billingcenter.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Defines the application's own datasource and brings its schema up to date before anything else
 * runs. The datasource is configured through MicroProfile Config ({@code billing.db.*}, also as
 * environment variables such as {@code BILLING_DB_URL}); the default is an H2 file under {@code
 * ./data} of the server's working directory, which survives restarts, unlike Payara Micro's own
 * default database. Flyway serializes concurrent migrations of several instances with a database
 * lock, so a cluster may start all at once.
 */
@DataSourceDefinition(
    name = SchemaMigrations.DATASOURCE,
    className = "${MPCONFIG=billing.db.datasource-class}",
    url = "${MPCONFIG=billing.db.url}",
    user = "${MPCONFIG=billing.db.user}",
    password = "${MPCONFIG=billing.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

  public static final String DATASOURCE = "java:app/jdbc/billing";

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  /**
   * What differs between the databases: the storage options of the bills' roll-up (room on each
   * page for its frequent updates, PostgreSQL only), and the type of a long text.
   */
  private Map<String, String> placeholders() {
    try (Connection c = dataSource.getConnection()) {
      boolean postgres = Databases.isPostgres(c);
      return Map.of(
          "usageDayStorage", postgres ? "WITH (fillfactor = 50)" : "",
          "largeText", postgres ? "TEXT" : "CLOB");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
    }
  }

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .placeholders(placeholders())
            .failOnMissingLocations(true)
            .load();
    MigrateResult result = flyway.migrate();
    var current = flyway.info().current();
    LOG.info(
        () ->
            "Database schema at version "
                + (current == null ? "(none)" : current.getVersion())
                + " on "
                + result.database
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied at this start)");
  }
}
