package com.billingcenter.platform.entity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the database keeps them: zone-less {@code TIMESTAMP} columns holding UTC, which read
 * the same on H2 and PostgreSQL whatever the server's or the JVM's time zone. Every conversion
 * between the two goes through here (JPA's through {@link UtcInstantConverter}, JDBC's directly),
 * and so does every instant shown to people (pages, notices): in UTC, saying so.
 */
public final class UtcTimes {

  /** An instant as pages and notices show it: {@code 2026-05-17 12:00 UTC}. */
  public static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** To the second, where order within a minute matters (the audit log). */
  public static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private UtcTimes() {}

  /** The UTC wall time of an instant, as a column holds it; null for null. */
  public static LocalDateTime local(Instant at) {
    return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** The instant a UTC wall time stands for; null for null. */
  public static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  /** The instant in a UTC {@code TIMESTAMP} column of the current row; null for SQL NULL. */
  public static Instant read(ResultSet rows, int column) throws SQLException {
    return instant(rows.getObject(column, LocalDateTime.class));
  }
}
