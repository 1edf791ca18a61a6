package com.billingcenter.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A customer's Billing Center account. The user name is the business key: unique, and never changed
 * after registration. The login account (usually an e-mail address) is unique too, stored in lower
 * case so that {@code Ann@Example.com} and {@code ann@example.com} are one account.
 */
@Entity
@Table(name = "billing_account")
@NamedQuery(
    name = BillingAccount.BY_USERNAME,
    query = "select a from BillingAccount a where a.username = :username")
@NamedQuery(
    name = BillingAccount.BY_LOGIN_ACCOUNT,
    query = "select a from BillingAccount a where a.loginAccount = :loginAccount")
public class BillingAccount implements Login {

  public static final String BY_USERNAME = "BillingAccount.byUsername";
  public static final String BY_LOGIN_ACCOUNT = "BillingAccount.byLoginAccount";

  /** The one role every customer has; pages and {@code /api/v1} require it. */
  public static final String CUSTOMER_ROLE = "customer";

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,39}");
  // Deliberately simple: one @, no spaces or control characters, a dot in the domain.
  private static final Pattern LOGIN_ACCOUNT =
      Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

  @Id
  @SequenceGenerator(
      name = "billing_account_seq",
      sequenceName = "billing_account_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "billing_account_seq")
  private Long id;

  @Column(nullable = false, unique = true, updatable = false, length = 40)
  private String username;

  @Column(name = "login_account", nullable = false, unique = true, length = 254)
  private String loginAccount;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "password_changed_at", nullable = false)
  private Instant passwordChangedAt;

  /** When the login e-mail address was confirmed by a mailed link; null until then. */
  @Column(name = "login_verified_at")
  private Instant loginVerifiedAt;

  /**
   * Set by an operator: this account's workspaces may use any settlement method, whatever their
   * site allows.
   */
  @Column(name = "arbitrary_selection", nullable = false)
  private boolean arbitrarySelection;

  @Version private long version;

  protected BillingAccount() {}

  private BillingAccount(String username, String loginAccount, String passwordHash, Instant now) {
    this.username = username;
    this.loginAccount = loginAccount;
    this.passwordHash = passwordHash;
    this.createdAt = now;
    this.passwordChangedAt = now;
  }

  /**
   * Opens an account. The caller has already checked the raw password with {@link PasswordPolicy}
   * and hashed it; this entity never sees a password in clear.
   */
  public static BillingAccount register(
      String username, String loginAccount, String passwordHash, Clock clock) {
    Objects.requireNonNull(passwordHash, "passwordHash");
    return new BillingAccount(
        checkUsername(username),
        normalizeLoginAccount(loginAccount),
        passwordHash,
        clock.instant());
  }

  /** Checks a user name against the rules and returns it unchanged. */
  public static String checkUsername(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new AccountRuleViolation(
          "username.invalid",
          "A user name has 3 to 40 characters: letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit.");
    }
    return username;
  }

  /** Checks a login account (an e-mail address) and returns its canonical, lower-case form. */
  public static String normalizeLoginAccount(String loginAccount) {
    String trimmed = loginAccount == null ? "" : loginAccount.trim();
    if (trimmed.length() > 254 || !LOGIN_ACCOUNT.matcher(trimmed).matches()) {
      throw new AccountRuleViolation(
          "loginAccount.invalid", "The login account must be an e-mail address.");
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }

  @Override
  public void changePasswordHash(String newPasswordHash, Clock clock) {
    this.passwordHash = Objects.requireNonNull(newPasswordHash, "newPasswordHash");
    this.passwordChangedAt = clock.instant();
  }

  /**
   * The same password, hashed again more strongly (more iterations): not a change of password, so
   * {@code passwordChangedAt} stays.
   */
  @Override
  public void rehash(String strongerHash) {
    this.passwordHash = Objects.requireNonNull(strongerHash, "strongerHash");
  }

  /** The operator's "arbitrary selection" flag. Returns whether it changed. */
  public boolean allowArbitrarySelection(boolean allowed) {
    boolean changed = arbitrarySelection != allowed;
    arbitrarySelection = allowed;
    return changed;
  }

  public boolean arbitrarySelection() {
    return arbitrarySelection;
  }

  public Long id() {
    return id;
  }

  @Override
  public String username() {
    return username;
  }

  /** Itself: the account's own login opens it. */
  @Override
  public Long accountId() {
    return id;
  }

  /** The account's own login is always an owner. */
  @Override
  public Role role() {
    return Role.OWNER;
  }

  @Override
  public String loginAccount() {
    return loginAccount;
  }

  @Override
  public String passwordHash() {
    return passwordHash;
  }

  /**
   * The months (UTC) the account has a bill for: from the month it was created to the month of
   * {@code now}; any other month is refused, never made final or priced.
   */
  public boolean billedIn(YearMonth month, Instant now) {
    return !month.isBefore(YearMonth.from(createdAt.atZone(ZoneOffset.UTC)))
        && !month.isAfter(YearMonth.from(now.atZone(ZoneOffset.UTC)));
  }

  /** The first month {@link #billedIn} admits. */
  public YearMonth firstBilledMonth() {
    return YearMonth.from(createdAt.atZone(ZoneOffset.UTC));
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The login e-mail address is confirmed (its mailed link was opened): resets may go to it. */
  public void verifyLogin(Clock clock) {
    if (loginVerifiedAt == null) {
      loginVerifiedAt = clock.instant();
    }
  }

  /** Whether a password reset may be mailed to the login account: an address, confirmed. */
  @Override
  public boolean loginVerified() {
    return loginVerifiedAt != null;
  }

  @Override
  public Instant passwordChangedAt() {
    return passwordChangedAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BillingAccount that && Objects.equals(username, that.username);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(username);
  }

  @Override
  public String toString() {
    return "BillingAccount[" + username + "]";
  }
}
