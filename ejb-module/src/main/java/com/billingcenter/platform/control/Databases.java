package com.billingcenter.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What the plain-SQL parts need to know about the database they run on. */
public final class Databases {

  private Databases() {}

  /** Whether the connection is to PostgreSQL (else the embedded H2), for its bulk statements. */
  public static boolean isPostgres(Connection connection) throws SQLException {
    return connection
        .getMetaData()
        .getDatabaseProductName()
        .toLowerCase(Locale.ROOT)
        .contains("postgres");
  }

  /** The next value of a sequence, in the database's own words. */
  public static long nextValue(Connection connection, String sequence) throws SQLException {
    String sql =
        isPostgres(connection)
            ? "SELECT nextval('" + sequence + "')"
            : "SELECT NEXT VALUE FOR " + sequence;
    try (java.sql.PreparedStatement next = connection.prepareStatement(sql);
        java.sql.ResultSet rows = next.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The next value of a sequence, on a connection of the data source's. */
  public static long nextValue(javax.sql.DataSource source, String sequence) {
    try (Connection c = source.getConnection()) {
      return nextValue(c, sequence);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the sequence " + sequence + ": " + e, e);
    }
  }
}
