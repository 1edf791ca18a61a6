package com.billingcenter.account.boundary;

import com.billingcenter.account.entity.Person;
import com.billingcenter.account.entity.Role;
import com.billingcenter.audit.control.Audit;
import com.billingcenter.platform.control.JsonText;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.control.TokenTable;
import com.billingcenter.platform.entity.RuleViolation;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A customer's API tokens for the JSON API ({@code Authorization: Bearer bct_…}), instead of the
 * account's password in a script: named, {@link Scope#READ read} or {@link Scope#READ_WRITE
 * read-write}, expiring (90 days unless chosen, at most a year), shown once and kept as a hash
 * ({@link TokenTable} {@code api_token}), listed with their last use, revoked at once; each made
 * and revoked one is in the account's audit log.
 */
@Stateless
public class ApiTokens {

  /** The prefix of a customer's token. */
  public static final String PREFIX = "bct_";

  /** What a token may do. */
  public enum Scope {
    /** Read: {@code GET} and {@code HEAD} calls only. */
    READ,
    /** Everything the account's password may do on the API, except managing tokens and password. */
    READ_WRITE
  }

  /** The caller a valid token stands for. */
  public record TokenCaller(String username, Scope scope) {}

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject Clock clock;
  @Inject Audit audit;

  private TokenTable tokens;

  @PostConstruct
  void init() {
    tokens = new TokenTable(dataSource, "api_token", "account_id", "member_id", PREFIX);
  }

  /**
   * Makes a personal token of {@code by}; {@code scope} is {@code read} or {@code read-write} (any
   * case), never more than their role: a viewer's tokens only read.
   *
   * @throws RuleViolation {@code token.scope} for another scope or one above the role, {@code
   *     token.name} and {@code token.days} as {@link TokenTable#make}
   */
  public TokenTable.Made make(Person by, String name, String scope, int days) {
    Scope chosen = scope(scope);
    if (chosen == Scope.READ_WRITE && by.role() == Role.VIEWER) {
      throw new RuleViolation("token.scope", "A viewer's tokens can only read.");
    }
    TokenTable.Made made =
        tokens.make(by.accountId(), by.memberId(), name, chosen.name(), days, clock.instant());
    audited(by, "apiToken.made", made.token());
    return made;
  }

  /** The person's own tokens, newest first. */
  public List<TokenTable.Token> of(Person person) {
    return tokens.of(person.accountId(), person.memberId());
  }

  /** Revokes one of the person's own tokens at once; answers whether it was valid until now. */
  public boolean revoke(Person by, long tokenId) {
    boolean revoked = tokens.revoke(by.accountId(), by.memberId(), tokenId, clock.instant());
    if (revoked) {
      of(by).stream()
          .filter(t -> t.id() == tokenId)
          .findFirst()
          .ifPresent(t -> audited(by, "apiToken.revoked", t));
    }
    return revoked;
  }

  /** The caller a token stands for while it is valid; its use is noted. */
  public Optional<TokenCaller> caller(String value) {
    return tokens
        .holder(value, clock.instant())
        .flatMap(
            holder ->
                holder.personId() == null
                    ? Sql.first(
                        dataSource,
                        "a token's account",
                        "SELECT username FROM billing_account WHERE id = ?",
                        r -> new TokenCaller(r.getString(1), Scope.valueOf(holder.scope())),
                        holder.ownerId())
                    : Sql.first(
                        dataSource,
                        "a token's member",
                        "SELECT username FROM team_member WHERE id = ? AND username IS NOT NULL",
                        r -> new TokenCaller(r.getString(1), Scope.valueOf(holder.scope())),
                        holder.personId()));
  }

  /** {@code read} or {@code read-write}, as a scope. */
  public static Scope scope(String text) {
    String normalized = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return Scope.valueOf(normalized);
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("token.scope", "A token's scope is read or read-write.");
    }
  }

  private void audited(Person by, String action, TokenTable.Token token) {
    audit.record(
        by.accountId(),
        by.name(),
        action,
        "apiToken",
        token.id(),
        null,
        JsonText.PROVIDER
            .createObjectBuilder()
            .add("name", token.name())
            .add("scope", token.scope())
            .add("expiresAt", token.expiresAt().toString())
            .build()
            .toString());
  }
}
