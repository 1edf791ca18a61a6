package com.billingcenter.system.support;

import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.metering.control.SettledUsage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Direct access to the running server's database, for what no page or endpoint can do yet. Today:
 * registering a customer's AWS cloud account, which the AWS Marketplace fulfillment flow will do (a
 * row in {@code cloud_account}, active and bound to the customer).
 */
public final class Database {

  private Database() {}

  /** Whether the tests' servers run on PostgreSQL (the {@code postgresql} profile). */
  public static boolean onPostgres() {
    return System.getProperty("it.db.url", "").startsWith("jdbc:postgresql:");
  }

  /**
   * A PostgreSQL database of its own, {@code name} on the tests' server, made afresh (dropped first
   * if an earlier run left it); its JDBC URL.
   */
  public static String freshPostgres(String name) throws SQLException {
    try (Connection admin = postgresAdmin();
        Statement create = admin.createStatement()) {
      create.execute("DROP DATABASE IF EXISTS " + name);
      create.execute("CREATE DATABASE " + name);
    }
    return System.getProperty("it.db.url").replaceAll("/[^/]*$", "/" + name);
  }

  /** Drops a database {@link #freshPostgres} made. */
  public static void dropPostgres(String name) throws SQLException {
    try (Connection admin = postgresAdmin();
        Statement drop = admin.createStatement()) {
      drop.execute("DROP DATABASE IF EXISTS " + name);
    }
  }

  private static Connection postgresAdmin() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("it.db.url").replaceAll("/[^/]*$", "/postgres"),
        System.getProperty("it.db.user"),
        System.getProperty("it.db.password"));
  }

  public static Connection connect(BillingCenterServer server) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(), server.jdbcUser(), server.jdbcPassword());
  }

  /**
   * Rebuilds the bills' roll-up ({@code usage_day}) of a workspace from its raw rows, for a test
   * that wrote usage history straight into {@code usage_record} (as the V10 migration builds it
   * from rows stored before the roll-up existed).
   */
  public static void rollUp(Connection db, long workspaceId) throws SQLException {
    try (PreparedStatement delete =
            db.prepareStatement("DELETE FROM usage_day WHERE workspace_id = ?");
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO usage_day (workspace_id, billing_item, usage_day, period_id,"
                    + " owner_id, site_code, settlement_method, cloud_account_id, kind, quantity)"
                    + " SELECT u.workspace_id, u.billing_item, CAST(u.usage_hour AS DATE), p.id,"
                    + " w.owner_id, w.site_code, p.settlement_method, p.cloud_account_id, p.kind,"
                    + " SUM(u.quantity)"
                    + SettledUsage.FROM_WITH_WORKSPACE
                    + " AND u.workspace_id = ?"
                    + " GROUP BY u.workspace_id, u.billing_item, CAST(u.usage_hour AS DATE), p.id,"
                    + " w.owner_id, w.site_code, p.settlement_method, p.cloud_account_id,"
                    + " p.kind")) {
      delete.setLong(1, workspaceId);
      delete.executeUpdate();
      insert.setLong(1, workspaceId);
      insert.executeUpdate();
    }
  }

  public static long registerAwsAccount(
      BillingCenterServer server, String username, String awsAccountId) throws SQLException {
    return registerAwsAccount(server, username, awsAccountId, null);
  }

  /**
   * An active AWS cloud account owned by {@code username} for the license {@code licenseArn} (null:
   * a made-up one), e.g. a sandbox buyer's; returns its id.
   */
  public static long registerAwsAccount(
      BillingCenterServer server, String username, String awsAccountId, String licenseArn)
      throws SQLException {
    // Far above the ids the application's sequence hands out, so the two never meet.
    long id = 1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    try (Connection db = connect(server);
        PreparedStatement insert =
            db.prepareStatement(
                "insert into cloud_account (id, owner_id, provider, provider_account_id,"
                    + " license_id, product_code, status, created_at, version, license_arn,"
                    + " customer_identifier)"
                    + " select ?, id, 'aws', ?, ?, 'billing-center-product', 'ACTIVE', ?, 1, ?, ?"
                    + " from billing_account where username = ?")) {
      insert.setLong(1, id);
      insert.setString(2, awsAccountId);
      String arn =
          licenseArn != null
              ? licenseArn
              : "arn:aws:license-manager::" + awsAccountId + ":license:l-" + id;
      boolean legacyBuyer = arn.startsWith("customer:");
      // The license as the application keys it (AwsLicenses): its l-… id, or customer:<id>.
      insert.setString(3, legacyBuyer ? arn : AwsLicenses.key(arn, null));
      insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
      // As the application records buyers: the license ARN, or a legacy customer identifier.
      insert.setString(5, legacyBuyer ? null : arn);
      insert.setString(6, legacyBuyer ? arn.substring("customer:".length()) : null);
      insert.setString(7, username);
      if (insert.executeUpdate() != 1) {
        throw new IllegalStateException("No account " + username);
      }
    }
    return id;
  }

  /**
   * What the set-up page does once the customer signs in (AwsSettlementBrowserIT covers the page):
   * the registered cloud account of {@code licenseArn} becomes {@code username}'s, active and
   * metered from its registration. Returns its id.
   */
  public static long bindAsTheSetUpPageDoes(
      BillingCenterServer server, String username, String licenseArn, String provider)
      throws SQLException {
    try (Connection db = connect(server)) {
      try (PreparedStatement bind =
          db.prepareStatement(
              "update cloud_account set owner_id = (select id from billing_account"
                  + " where username = ?), status = 'ACTIVE', metering_from = created_at"
                  + " where license_arn = ? and provider = ?")) {
        bind.setString(1, username);
        bind.setString(2, licenseArn);
        bind.setString(3, provider);
        if (bind.executeUpdate() != 1) {
          throw new IllegalStateException(
              "No cloud account of " + provider + " registered for " + licenseArn);
        }
      }
      try (PreparedStatement id =
          db.prepareStatement("select id from cloud_account where license_arn = ?")) {
        id.setString(1, licenseArn);
        try (java.sql.ResultSet row = id.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
    }
  }

  /**
   * The workspace settles as it does now since {@code since} (as if it had changed then; its
   * earlier periods end then). Call it before any usage of the workspace is reported.
   */
  public static void settledSince(BillingCenterServer server, long workspace, Instant since)
      throws SQLException {
    try (Connection db = connect(server);
        PreparedStatement older =
            db.prepareStatement(
                "UPDATE settlement_period SET valid_from = ? WHERE workspace_id = ? AND id <"
                    + " (SELECT MAX(id) FROM settlement_period WHERE workspace_id = ?)");
        PreparedStatement newest =
            db.prepareStatement(
                "UPDATE settlement_period SET valid_from = ? WHERE workspace_id = ? AND id ="
                    + " (SELECT MAX(id) FROM settlement_period WHERE workspace_id = ?)")) {
      older.setObject(1, since.minusSeconds(3600).atOffset(ZoneOffset.UTC).toLocalDateTime());
      newest.setObject(1, since.atOffset(ZoneOffset.UTC).toLocalDateTime());
      for (PreparedStatement update : new PreparedStatement[] {older, newest}) {
        update.setLong(2, workspace);
        update.setLong(3, workspace);
        update.executeUpdate();
      }
    }
  }
}
