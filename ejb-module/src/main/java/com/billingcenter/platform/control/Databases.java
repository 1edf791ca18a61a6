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
}
