package com.billingcenter.platform.control;

import java.lang.reflect.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Many values in few parameters, for both databases. PostgreSQL takes a batch of rows as one array
 * per column ({@code INSERT … SELECT … FROM unnest(?::bigint[], …)}: one round trip for the batch)
 * and "one of these values" as one array ({@code = ANY (?)}); other databases take an {@code IN (?,
 * …)} list.
 */
public final class SqlArrays {

  private SqlArrays() {}

  /** The columns of {@code rows}, to bind as one array each. */
  public static <T> Columns<T> columns(List<T> rows) {
    return new Columns<>(rows);
  }

  /** Rows passed column by column: each column's SQL element type and how a row gives its value. */
  public static final class Columns<T> {

    private final List<T> rows;
    private final List<String> types = new ArrayList<>();
    private final List<Function<? super T, ?>> values = new ArrayList<>();

    private Columns(List<T> rows) {
      this.rows = rows;
    }

    /** The next column: its SQL element type ({@code bigint}, {@code varchar}, …) and values. */
    public Columns<T> add(String sqlType, Function<? super T, ?> value) {
      types.add(sqlType);
      values.add(value);
      return this;
    }

    /** Binds one array per column from parameter {@code index} on; returns the next index. */
    public int bind(PreparedStatement statement, int index) throws SQLException {
      for (int column = 0; column < types.size(); column++) {
        Object[] array = rows.stream().map(values.get(column)).toArray();
        statement.setArray(
            index++, statement.getConnection().createArrayOf(types.get(column), typed(array)));
      }
      return index;
    }
  }

  /** {@code = ANY (?)} on PostgreSQL, {@code IN (?, …)} with {@code n} places elsewhere. */
  public static String oneOf(boolean postgres, int n) {
    return postgres ? " = ANY (?)" : " IN (" + Sql.placeholders(n) + ")";
  }

  /**
   * Binds the values of {@link #oneOf} from parameter {@code index} on (on PostgreSQL one array of
   * {@code sqlType}); returns the next index.
   */
  public static int bindOneOf(
      PreparedStatement statement, int index, boolean postgres, String sqlType, List<?> values)
      throws SQLException {
    if (postgres) {
      statement.setArray(
          index, statement.getConnection().createArrayOf(sqlType, typed(values.toArray())));
      return index + 1;
    }
    for (Object value : values) {
      statement.setObject(index++, value);
    }
    return index;
  }

  /**
   * The values in an array of their own class ({@code Long[]}, {@code String[]}, which the driver
   * encodes as such), or as they are when every one is null.
   */
  private static Object[] typed(Object[] values) {
    Class<?> type =
        Arrays.stream(values)
            .filter(Objects::nonNull)
            .findFirst()
            .map(Object::getClass)
            .orElse(null);
    if (type == null) {
      return values;
    }
    Object[] typed = (Object[]) Array.newInstance(type, values.length);
    System.arraycopy(values, 0, typed, 0, values.length);
    return typed;
  }
}
