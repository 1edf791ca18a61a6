package com.billingcenter.platform.control;

import com.billingcenter.account.entity.MailedLink;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.entity.SingleUse;
import com.billingcenter.platform.entity.UtcTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Named, expiring API tokens of one kind, kept in a table of their own ({@code <table>}, numbered
 * by {@code <table>_seq}; columns {@code id, token_hash, <owner>, name, scope, created_at,
 * expires_at, last_used_at, revoked_at}): a token's value is shown once, with its prefix, and kept
 * only as its hash; it is listed with its last use and revoked at once. The operators' tokens and
 * the customers' are two tables of this kind.
 */
public final class TokenTable {

  /** The longest a token lasts, in days. */
  public static final int MAX_DAYS = 365;

  /** How long a token lasts unless chosen. */
  public static final int DEFAULT_DAYS = 90;

  /** A token as listed: never its value. */
  public record Token(
      long id,
      String name,
      String scope,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      boolean revoked)
      implements java.io.Serializable {

    /** Whether it still opens the API at {@code now}. */
    public boolean valid(Instant now) {
      return !revoked && now.isBefore(expiresAt);
    }
  }

  /** A token just made: its value, shown once. */
  public record Made(String value, Token token) {}

  /** Whose a valid token is (the person within the owner: null for none), and its scope. */
  public record Holder(long ownerId, Long personId, String scope) {}

  private final DataSource dataSource;
  private final String table;
  private final String owner;
  private final String person;
  private final String prefix;

  /**
   * The tokens of {@code table}, whose {@code ownerColumn} says whose; values start {@code prefix}.
   */
  public TokenTable(DataSource dataSource, String table, String ownerColumn, String prefix) {
    this(dataSource, table, ownerColumn, null, prefix);
  }

  /**
   * The tokens of {@code table}, whose {@code ownerColumn} says whose and {@code personColumn}
   * (nullable) which person of the owner's made it; values start {@code prefix}.
   */
  public TokenTable(
      DataSource dataSource, String table, String ownerColumn, String personColumn, String prefix) {
    this.dataSource = dataSource;
    this.table = table;
    this.owner = ownerColumn;
    this.person = personColumn;
    this.prefix = prefix;
  }

  /** The condition on the person column ({@code personId} null: none), and its parameters. */
  private String personIs(Long personId, List<Object> parameters) {
    if (person == null) {
      return "";
    }
    if (personId == null) {
      return " AND " + person + " IS NULL";
    }
    parameters.add(personId);
    return " AND " + person + " = ?";
  }

  public String prefix() {
    return prefix;
  }

  /**
   * Makes a token of {@code ownerId}, named, with a scope (null for none) and lasting {@code days}.
   *
   * @throws RuleViolation {@code token.name} for a name not 1 to 64 characters, {@code token.days}
   *     for a validity not 1 to {@value #MAX_DAYS} days
   */
  public Made make(long ownerId, String name, String scope, int days, Instant now) {
    return make(ownerId, null, name, scope, days, now);
  }

  /** {@link #make(long, String, String, int, Instant)}, of one person of the owner's. */
  public Made make(long ownerId, Long personId, String name, String scope, int days, Instant now) {
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > 64) {
      throw new RuleViolation("token.name", "Name the token (at most 64 characters).");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new RuleViolation("token.days", "A token lasts 1 to 365 days.");
    }
    String value = prefix + SingleUse.randomToken();
    long id = Databases.nextValue(dataSource, table + "_seq");
    Instant expires = now.plus(Duration.ofDays(days));
    List<String> columns =
        new java.util.ArrayList<>(List.of("id", "token_hash", owner, "name", "scope"));
    List<Object> values =
        new java.util.ArrayList<>(
            java.util.Arrays.asList(
                id, MailedLink.hashOf(value).orElseThrow(), ownerId, label, scope));
    if (person != null && personId != null) {
      columns.add(person);
      values.add(personId);
    }
    columns.addAll(List.of("created_at", "expires_at"));
    values.addAll(List.of(now, expires));
    Sql.update(
        dataSource,
        "make a token",
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
            + ")",
        values.toArray());
    return new Made(value, new Token(id, label, scope, now, expires, null, false));
  }

  /** The owner's tokens, newest first. */
  public List<Token> of(long ownerId) {
    return of(ownerId, null);
  }

  /** The tokens of one person of the owner's ({@code personId} null: the owner's own). */
  public List<Token> of(long ownerId, Long personId) {
    List<Object> parameters = new java.util.ArrayList<>(List.of(ownerId));
    String personIs = personIs(personId, parameters);
    return Sql.list(
        dataSource,
        "the tokens",
        "SELECT id, name, scope, created_at, expires_at, last_used_at, revoked_at FROM "
            + table
            + " WHERE "
            + owner
            + " = ?"
            + personIs
            + " ORDER BY id DESC",
        r ->
            new Token(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                UtcTimes.read(r, 4),
                UtcTimes.read(r, 5),
                UtcTimes.read(r, 6),
                r.getObject(7) != null),
        parameters.toArray());
  }

  /** Revokes one of the owner's tokens at once; answers whether it was valid until now. */
  public boolean revoke(long ownerId, long tokenId, Instant now) {
    return revoke(ownerId, null, tokenId, now);
  }

  /** Revokes one of a person's tokens ({@code personId} null: the owner's own). */
  public boolean revoke(long ownerId, Long personId, long tokenId, Instant now) {
    List<Object> parameters = new java.util.ArrayList<>(List.of(now, tokenId, ownerId));
    String personIs = personIs(personId, parameters);
    return Sql.update(
            dataSource,
            "revoke a token",
            "UPDATE "
                + table
                + " SET revoked_at = ? WHERE id = ? AND "
                + owner
                + " = ? AND revoked_at IS NULL"
                + personIs,
            parameters.toArray())
        == 1;
  }

  /** Whose token {@code value} is while it is valid, and its scope; its use is noted. */
  public Optional<Holder> holder(String value, Instant now) {
    if (value == null || !value.startsWith(prefix) || value.length() > 200) {
      return Optional.empty();
    }
    Optional<String> hash = MailedLink.hashOf(value);
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    Optional<Holder> holder =
        Sql.first(
            dataSource,
            "a token",
            "SELECT "
                + owner
                + ", scope, "
                + (person == null ? "CAST(NULL AS BIGINT)" : person)
                + " FROM "
                + table
                + " WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?",
            r -> new Holder(r.getLong(1), (Long) r.getObject(3, Long.class), r.getString(2)),
            hash.get(),
            now);
    if (holder.isPresent()) {
      Sql.update(
          dataSource,
          "note a token's use",
          "UPDATE " + table + " SET last_used_at = ? WHERE token_hash = ?",
          now,
          hash.get());
    }
    return holder;
  }
}
