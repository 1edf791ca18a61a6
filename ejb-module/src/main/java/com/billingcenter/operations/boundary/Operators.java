package com.billingcenter.operations.boundary;

import com.billingcenter.account.control.PasswordHashing;
import com.billingcenter.account.entity.MailedLink;
import com.billingcenter.account.entity.PasswordPolicy;
import com.billingcenter.audit.control.Audit;
import com.billingcenter.operations.control.Totp;
import com.billingcenter.platform.control.Databases;
import com.billingcenter.platform.control.JsonText;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.entity.SingleUse;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The operators: people with accounts of their own, apart from the customers' ({@code
 * operator_account}), each with a role ({@link Role}), a password and a second factor (TOTP, RFC
 * 6238, or one of ten single-use recovery codes). An operator is made with a one-time set-up link
 * (valid a day) where the password is chosen and the authenticator app added; signing in makes a
 * session of its own ({@code operator_session}: a random token in a cookie for {@code /ops/}, kept
 * as its hash), which the customers' sign-in never makes nor reads. It stays whole, a little over
 * 300 lines: every step reads and writes the same account row and its credentials.
 */
@Stateless
public class Operators {

  private static final Logger LOG = Logger.getLogger(Operators.class.getName());

  /** How long a set-up link opens. */
  static final Duration SETUP_LINK = Duration.ofDays(1);

  /** How long an operator's session lasts, however busy. */
  public static final Duration SESSION = Duration.ofHours(8);

  static final int RECOVERY_CODES = 10;

  /** What an operator may do: act, or only read. */
  public enum Role {
    OPERATOR,
    AUDITOR
  }

  /** A signed-in operator. */
  public record Operator(long id, String username, Role role) {

    /** The audit log's actor of this operator's actions: staff, by name. */
    public String actor() {
      return com.billingcenter.audit.entity.AuditEntry.STAFF_PREFIX + username;
    }
  }

  /** A new operator's set-up: the token of its one-time link, valid until {@code expiresAt}. */
  public record Invitation(String username, Role role, String token, Instant expiresAt) {}

  /** A set-up link's page: the operator and the secret to add to an authenticator app. */
  public record Setup(String username, Role role, String secret, String otpauthUri)
      implements java.io.Serializable {}

  /** A sign-in: the session's token, for the cookie, and the operator. */
  public record SignIn(String token, Operator operator) {}

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject PasswordHashing passwords;
  @Inject Clock clock;
  @Inject Audit audit;

  /**
   * Makes an operator, who sets a password and a second factor through the link's token.
   *
   * @throws RuleViolation {@code operator.username} for a name that is not 3 to 40 letters, digits,
   *     dots, dashes or underscores, {@code operator.taken} for one in use
   */
  public Invitation invite(String username, Role role, String invitedBy) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    if (!name.matches("[a-z0-9._-]{3,40}")) {
      throw new RuleViolation("operator.username", "3 to 40 letters, digits, dots, - or _.");
    }
    if (find("username = ?", name).isPresent()) {
      throw new RuleViolation("operator.taken", "There is an operator of that name.");
    }
    String token = SingleUse.randomToken();
    Instant now = clock.instant();
    Sql.update(
        dataSource,
        "make an operator",
        "INSERT INTO operator_account (id, username, role, totp_secret, setup_token_hash,"
            + " setup_expires_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        Databases.nextValue(dataSource, "operator_account_seq"),
        name,
        role.name(),
        Totp.newSecret(),
        MailedLink.hashOf(token).orElseThrow(),
        now.plus(SETUP_LINK),
        now,
        invitedBy);
    LOG.info(() -> "Operator " + name + " (" + role + ") made by " + invitedBy);
    audited(invitedBy, "operator.made", name, role.name());
    return new Invitation(name, role, token, now.plus(SETUP_LINK));
  }

  /** The set-up a link's token opens, while it does. */
  public Optional<Setup> setup(String token) {
    return bySetupToken(token)
        .map(
            row ->
                new Setup(
                    row.username(),
                    row.role(),
                    row.secret(),
                    Totp.uri("Billing Center", row.username(), row.secret())));
  }

  /**
   * Ends a set-up: the password is set and the second factor proven by a code of the app; answers
   * the ten recovery codes, shown once. The link opens no more.
   *
   * @throws RuleViolation {@code operator.setup} for a link that does not open, {@code
   *     operator.code} for a wrong code, and the password policy's own
   */
  public List<String> completeSetup(String token, String password, String code) {
    Row row =
        bySetupToken(token)
            .orElseThrow(
                () -> new RuleViolation("operator.setup", "This link does not open (any more)."));
    PasswordPolicy.check(password, row.username());
    OptionalLong step = Totp.verify(row.secret(), code, clock.instant(), row.lastStep());
    if (step.isEmpty()) {
      throw new RuleViolation("operator.code", "The code is not the app's current one.");
    }
    List<String> codes = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      String recovery = SingleUse.randomToken().substring(0, 12).toLowerCase(Locale.ROOT);
      codes.add(recovery);
      hashes.add(MailedLink.hashOf(recovery).orElseThrow());
    }
    Sql.update(
        dataSource,
        "set an operator up",
        "UPDATE operator_account SET password_hash = ?, totp_last_step = ?, recovery_codes = ?,"
            + " setup_token_hash = NULL, setup_expires_at = NULL, active_since = ? WHERE id = ?",
        passwords.hash(password),
        step.getAsLong(),
        String.join(",", hashes),
        clock.instant(),
        row.id());
    LOG.info(() -> "Operator " + row.username() + " set up");
    audited(row.operator().actor(), "operator.setUp", row.username(), row.role().name());
    return codes;
  }

  /**
   * Signs an operator in with the password and a code of the app (or an unused recovery code, used
   * up here); empty for any wrong part, the same for every one of them.
   */
  public Optional<SignIn> signIn(String username, String password, String code) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    Optional<Row> found =
        name.length() > 40
            ? Optional.empty()
            : find("username = ? AND active_since IS NOT NULL", name);
    if (found.isEmpty() || password == null || password.length() > PasswordPolicy.MAX_LENGTH) {
      passwords.verifyDecoy(password == null ? "" : password);
      LOG.info(() -> "Refused an operator sign-in: " + name);
      return Optional.empty();
    }
    Row row = found.get();
    if (!passwords.verify(password, row.passwordHash()) || !secondFactor(row, code)) {
      LOG.info(() -> "Refused an operator sign-in: " + name);
      return Optional.empty();
    }
    String token = SingleUse.randomToken();
    Instant now = clock.instant();
    Sql.update(
        dataSource,
        "keep an operator's session",
        "INSERT INTO operator_session (token_hash, operator_id, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?)",
        MailedLink.hashOf(token).orElseThrow(),
        row.id(),
        now,
        now.plus(SESSION));
    LOG.info(() -> "Operator " + name + " signed in");
    audited(row.operator().actor(), "operator.signedIn", name, row.role().name());
    return Optional.of(new SignIn(token, row.operator()));
  }

  /** The operator a session's token is of, while it lasts. */
  public Optional<Operator> session(String token) {
    Optional<String> hash = MailedLink.hashOf(token);
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    return Sql.first(
        dataSource,
        "an operator's session",
        "SELECT o.id, o.username, o.role FROM operator_session s"
            + " JOIN operator_account o ON o.id = s.operator_id"
            + " WHERE s.token_hash = ? AND s.expires_at > ? AND o.active_since IS NOT NULL",
        r -> new Operator(r.getLong(1), r.getString(2), Role.valueOf(r.getString(3))),
        hash.get(),
        clock.instant());
  }

  /** Ends the session at once. */
  public void signOut(String token) {
    MailedLink.hashOf(token)
        .ifPresent(
            hash ->
                Sql.update(
                    dataSource,
                    "end an operator's session",
                    "DELETE FROM operator_session WHERE token_hash = ?",
                    hash));
  }

  /** Refuses an auditor: only an operator acts. */
  /**
   * An operator's own event in the audit log (of no customer), by {@code actor}, about {@code
   * operator}, with a word of {@code detail} (a role, a token's name).
   */
  public void audited(String actor, String action, String operator, String detail) {
    audit.record(
        null,
        actor,
        action,
        "operator",
        operator,
        null,
        JsonText.PROVIDER.createObjectBuilder().add("detail", detail).build().toString());
  }

  public static void requireActing(Operator operator) {
    if (operator == null || operator.role() != Role.OPERATOR) {
      throw new RuleViolation("operator.readOnly", "An auditor reads; only an operator acts.");
    }
  }

  /** A code of the app (not used before), or an unused recovery code, which is used up. */
  private boolean secondFactor(Row row, String code) {
    OptionalLong step = Totp.verify(row.secret(), code, clock.instant(), row.lastStep());
    if (step.isPresent()) {
      return Sql.update(
              dataSource,
              "use an operator's code",
              "UPDATE operator_account SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
              step.getAsLong(),
              row.id(),
              step.getAsLong())
          == 1;
    }
    Optional<String> hash =
        MailedLink.hashOf(code == null ? null : code.strip().toLowerCase(Locale.ROOT));
    if (hash.isEmpty() || row.recoveryCodes() == null) {
      return false;
    }
    List<String> left = new ArrayList<>(Arrays.asList(row.recoveryCodes().split(",")));
    if (!left.remove(hash.get())) {
      return false;
    }
    LOG.warning(
        () -> "Operator " + row.username() + " used a recovery code; " + left.size() + " left");
    return Sql.update(
            dataSource,
            "use a recovery code",
            "UPDATE operator_account SET recovery_codes = ? WHERE id = ? AND recovery_codes = ?",
            String.join(",", left),
            row.id(),
            row.recoveryCodes())
        == 1;
  }

  private record Row(
      long id,
      String username,
      Role role,
      String passwordHash,
      String secret,
      long lastStep,
      String recoveryCodes) {

    Operator operator() {
      return new Operator(id, username, role);
    }
  }

  private Optional<Row> bySetupToken(String token) {
    return MailedLink.hashOf(token)
        .flatMap(
            hash -> find("setup_token_hash = ? AND setup_expires_at > ?", hash, clock.instant()));
  }

  private Optional<Row> find(String where, Object... parameters) {
    try (Connection c = dataSource.getConnection()) {
      return Sql.list(
              c,
              "SELECT id, username, role, password_hash, totp_secret, totp_last_step,"
                  + " recovery_codes FROM operator_account WHERE "
                  + where,
              r ->
                  new Row(
                      r.getLong(1),
                      r.getString(2),
                      Role.valueOf(r.getString(3)),
                      r.getString(4),
                      r.getString(5),
                      r.getLong(6),
                      r.getString(7)),
              parameters)
          .stream()
          .findFirst();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the operators: " + e, e);
    }
  }
}
