package com.billingcenter.platform.control;

import com.billingcenter.platform.entity.UtcTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC reads, written once for the code that reads in bulk where JPA would be slow (bills,
 * metering, usage): a query's parameters are bound in order (an {@link Instant} as its UTC column,
 * a collection as its elements, for an {@code IN} list of {@link #placeholders}), and each row is
 * read by a function. On a data source, a failure is an {@link IllegalStateException} that says
 * what could not be read or done.
 */
public final class Sql {

  private Sql() {}

  /** Reads one row of a result. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Every row the query selects on this connection (the caller's transaction). */
  public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... parameters)
      throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      bind(select, parameters);
      List<T> rows = new ArrayList<>();
      try (ResultSet found = select.executeQuery()) {
        while (found.next()) {
          rows.add(row.read(found));
        }
      }
      return rows;
    }
  }

  /** Every row the query selects, on a connection of the data source's. */
  public static <T> List<T> list(
      DataSource source, String what, String sql, Row<T> row, Object... parameters) {
    try (Connection c = source.getConnection()) {
      return list(c, sql, row, parameters);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read " + what + ": " + e, e);
    }
  }

  /** The first row the query selects, if any (a query of one row at most, or ordered). */
  public static <T> Optional<T> first(
      DataSource source, String what, String sql, Row<T> row, Object... parameters) {
    return list(source, what, sql, row, parameters).stream().findFirst();
  }

  /** Runs an update on a connection of the data source's; answers how many rows it changed. */
  public static int update(DataSource source, String what, String sql, Object... parameters) {
    try (Connection c = source.getConnection();
        PreparedStatement update = c.prepareStatement(sql)) {
      bind(update, parameters);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot " + what + ": " + e, e);
    }
  }

  /** {@code ?, ?, ?} for an {@code IN} list of {@code n} parameters. */
  public static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    int index = 1;
    for (Object parameter : parameters) {
      if (parameter instanceof Collection<?> elements) {
        for (Object element : elements) {
          statement.setObject(index++, value(element));
        }
      } else {
        statement.setObject(index++, value(parameter));
      }
    }
  }

  private static Object value(Object parameter) {
    return parameter instanceof Instant at ? UtcTimes.local(at) : parameter;
  }
}
