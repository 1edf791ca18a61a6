package com.billingcenter.operations.boundary;

import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.control.TokenTable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * An operator's own API tokens for the operations API ({@code X-Operator-Key: opk_…}): named,
 * expiring (90 days unless chosen, at most a year), shown once and kept as a hash, listed with
 * their last use, revoked at once ({@link TokenTable} {@code operator_token}). A call with one acts
 * as its operator, with its operator's role.
 */
@Stateless
public class OperatorTokens {

  private static final Logger LOG = Logger.getLogger(OperatorTokens.class.getName());

  /** The prefix that tells a token from the shared key. */
  public static final String PREFIX = "opk_";

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject Clock clock;
  @Inject Operators operators;

  private TokenTable tokens;

  @PostConstruct
  void init() {
    tokens = new TokenTable(dataSource, "operator_token", "operator_id", PREFIX);
  }

  /**
   * Makes a token for the operator.
   *
   * @throws com.billingcenter.platform.entity.RuleViolation {@code token.name} for a name not 1 to
   *     64 characters, {@code token.days} for a validity not 1 to 365 days
   */
  public TokenTable.Made make(Operators.Operator operator, String name, int days) {
    TokenTable.Made made = tokens.make(operator.id(), name, null, days, clock.instant());
    String label = made.token().name();
    LOG.info(() -> "Operator " + operator.username() + " made the API token " + label);
    operators.audited(operator.actor(), "operator.tokenMade", operator.username(), label);
    return made;
  }

  /** The operator's tokens, newest first. */
  public List<TokenTable.Token> of(Operators.Operator operator) {
    return tokens.of(operator.id());
  }

  /** Revokes one of the operator's own tokens, at once. */
  public void revoke(Operators.Operator operator, long tokenId) {
    if (tokens.revoke(operator.id(), tokenId, clock.instant())) {
      LOG.info(() -> "Operator " + operator.username() + " revoked an API token");
      operators.audited(
          operator.actor(), "operator.tokenRevoked", operator.username(), "token " + tokenId);
    }
  }

  /** The operator a token is of, while it is valid and they are set up; its use is noted. */
  public Optional<Operators.Operator> operator(String value) {
    return tokens
        .holder(value, clock.instant())
        .flatMap(
            holder ->
                Sql.first(
                    dataSource,
                    "a token's operator",
                    "SELECT id, username, role FROM operator_account"
                        + " WHERE id = ? AND active_since IS NOT NULL",
                    r ->
                        new Operators.Operator(
                            r.getLong(1), r.getString(2), Operators.Role.valueOf(r.getString(3))),
                    holder.ownerId()));
  }
}
