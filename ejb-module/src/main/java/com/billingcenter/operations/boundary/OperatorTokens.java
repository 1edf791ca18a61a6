package com.billingcenter.operations.boundary;

import com.billingcenter.account.entity.MailedLink;
import com.billingcenter.platform.control.Databases;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.entity.SingleUse;
import com.billingcenter.platform.entity.UtcTimes;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * An operator's own API tokens for the operations API ({@code X-Operator-Key: opk_…}): named,
 * expiring (90 days unless chosen, at most a year), shown once and kept as a hash, listed with
 * their last use, revoked at once. A call with one acts as its operator, with its operator's role.
 */
@Stateless
public class OperatorTokens {

  private static final Logger LOG = Logger.getLogger(OperatorTokens.class.getName());

  /** The prefix that tells a token from the shared key. */
  public static final String PREFIX = "opk_";

  static final int MAX_DAYS = 365;

  /** A token as listed: never its value. */
  public record Token(
      long id,
      String name,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      boolean revoked) {}

  /** A token just made: its value, shown once. */
  public record Made(String value, Token token) {}

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject Clock clock;
  @Inject Operators operators;

  /**
   * Makes a token for the operator.
   *
   * @throws RuleViolation {@code operator.tokenName} for a name not 1 to 64 characters, {@code
   *     operator.tokenDays} for a validity not 1 to 365 days
   */
  public Made make(Operators.Operator operator, String name, int days) {
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > 64) {
      throw new RuleViolation("operator.tokenName", "Name the token (at most 64 characters).");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new RuleViolation("operator.tokenDays", "A token lasts 1 to 365 days.");
    }
    String value = PREFIX + SingleUse.randomToken();
    Instant now = clock.instant();
    long id = Databases.nextValue(dataSource, "operator_token_seq");
    Sql.update(
        dataSource,
        "make an operator's token",
        "INSERT INTO operator_token (id, token_hash, operator_id, name, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        id,
        MailedLink.hashOf(value).orElseThrow(),
        operator.id(),
        label,
        now,
        now.plus(Duration.ofDays(days)));
    LOG.info(() -> "Operator " + operator.username() + " made the API token " + label);
    operators.audited(operator.actor(), "operator.tokenMade", operator.username(), label);
    return new Made(value, new Token(id, label, now, now.plus(Duration.ofDays(days)), null, false));
  }

  /** The operator's tokens, newest first. */
  public List<Token> of(Operators.Operator operator) {
    return Sql.list(
        dataSource,
        "an operator's tokens",
        "SELECT id, name, created_at, expires_at, last_used_at, revoked_at FROM operator_token"
            + " WHERE operator_id = ? ORDER BY id DESC",
        r ->
            new Token(
                r.getLong(1),
                r.getString(2),
                UtcTimes.read(r, 3),
                UtcTimes.read(r, 4),
                UtcTimes.read(r, 5),
                r.getObject(6) != null),
        operator.id());
  }

  /** Revokes one of the operator's own tokens, at once. */
  public void revoke(Operators.Operator operator, long tokenId) {
    if (Sql.update(
            dataSource,
            "revoke an operator's token",
            "UPDATE operator_token SET revoked_at = ? WHERE id = ? AND operator_id = ?"
                + " AND revoked_at IS NULL",
            clock.instant(),
            tokenId,
            operator.id())
        == 1) {
      LOG.info(() -> "Operator " + operator.username() + " revoked an API token");
      operators.audited(
          operator.actor(), "operator.tokenRevoked", operator.username(), "token " + tokenId);
    }
  }

  /** The operator a token is of, while it is valid; its use is noted. */
  public Optional<Operators.Operator> operator(String value) {
    if (value == null || !value.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Optional<String> hash = MailedLink.hashOf(value);
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Operators.Operator> operator =
        Sql.first(
            dataSource,
            "an operator's token",
            "SELECT o.id, o.username, o.role FROM operator_token t"
                + " JOIN operator_account o ON o.id = t.operator_id WHERE t.token_hash = ?"
                + " AND t.revoked_at IS NULL AND t.expires_at > ? AND o.active_since IS NOT NULL",
            r ->
                new Operators.Operator(
                    r.getLong(1), r.getString(2), Operators.Role.valueOf(r.getString(3))),
            hash.get(),
            now);
    operator.ifPresent(
        o ->
            Sql.update(
                dataSource,
                "note a token's use",
                "UPDATE operator_token SET last_used_at = ? WHERE token_hash = ?",
                now,
                hash.get()));
    return operator;
  }
}
