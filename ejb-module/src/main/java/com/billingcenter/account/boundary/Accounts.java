package com.billingcenter.account.boundary;

import com.billingcenter.account.control.LoginThrottles;
import com.billingcenter.account.control.Logins;
import com.billingcenter.account.control.PasswordHashing;
import com.billingcenter.account.entity.AccountRuleViolation;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Login;
import com.billingcenter.account.entity.Member;
import com.billingcenter.account.entity.PasswordPolicy;
import com.billingcenter.audit.control.Audit;
import com.billingcenter.platform.control.JsonText;
import com.billingcenter.platform.entity.UtcTimes;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Registers Billing Center accounts, finds them by user name, changes passwords and the operator's
 * "arbitrary selection" flag. Every change is audited; a password never appears in the audit log.
 */
@Stateless
public class Accounts {

  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

  @PersistenceContext EntityManager em;
  @Inject PasswordHashing passwordHashing;
  @Inject Clock clock;
  @Inject Audit audit;
  @Inject LoginThrottles throttles;
  @Inject jakarta.enterprise.event.Event<LoginVerificationMails.Registered> registered;

  /**
   * Opens a new account. Refuses, with an {@link AccountRuleViolation} and nothing stored, a user
   * name or login account that is malformed or already taken, and a weak password.
   */
  public BillingAccount register(String username, String loginAccount, String password) {
    BillingAccount.checkUsername(username);
    String login = BillingAccount.normalizeLoginAccount(loginAccount);
    PasswordPolicy.check(password, username);
    refuseTaken(username, login);
    BillingAccount account =
        BillingAccount.register(username, login, passwordHashing.hash(password), clock);
    em.persist(account);
    try {
      em.flush();
    } catch (PersistenceException raced) {
      // Two registrations of one name at the same moment: the unique constraint decides.
      throw new AccountRuleViolation("username.taken", "This user name is already taken.");
    }
    registered.fire(new LoginVerificationMails.Registered(account.id()));
    audit.record(
        account.id(),
        account.username(),
        "account.registered",
        SUBJECT,
        account.id(),
        null,
        describe(account));
    LOG.info(() -> "Registered Billing Center account " + account.username());
    return account;
  }

  /**
   * Changes the caller's password after checking the current one, which is throttled like a sign-in
   * from {@code address} (a stolen session is no way to guess the password): a wrong one counts as
   * a failed sign-in, and past the limits the check is refused until they allow it ({@code
   * password.throttled}). A wrong current password, a weak new one or the same one again is refused
   * and nothing changes. The account's unused reset links are withdrawn: the password they were
   * asked for is gone.
   */
  public void changePassword(
      String username, String currentPassword, String newPassword, String address) {
    Login account =
        findLogin(username).orElseThrow(() -> new IllegalStateException("No login " + username));
    LoginThrottles.Standing admission;
    try {
      admission = throttles.admit(username, address);
    } catch (RuntimeException busy) {
      // Many attempts at once (the counts' rows are held): one too many.
      admission = new LoginThrottles.Standing(Optional.of(clock.instant().plusSeconds(1)), true);
    }
    if (admission.refusedUntil().isPresent()) {
      throw new AccountRuleViolation(
          "password.throttled",
          "Too many wrong passwords for this user name or from this address: try again after "
              + UtcTimes.SECONDS.format(admission.refusedUntil().get())
              + " UTC.");
    }
    if (currentPassword == null
        || !passwordHashing.verify(currentPassword, account.passwordHash())) {
      throw new AccountRuleViolation("password.currentWrong", "The current password is wrong.");
    }
    try {
      throttles.succeeded(username, address);
    } catch (RuntimeException e) {
      LOG.fine(() -> "A right current password's count was not taken back: " + e);
    }
    PasswordPolicy.check(newPassword, account.username());
    if (newPassword.equals(currentPassword)) {
      throw new AccountRuleViolation(
          "password.unchanged", "The new password must differ from the current one.");
    }
    account.changePasswordHash(passwordHashing.hash(newPassword), clock);
    PasswordResets.withdrawLinks(em, account, clock);
    audit.record(
        account.accountId(),
        account.username(),
        "account.passwordChanged",
        account instanceof Member ? "member" : SUBJECT,
        account instanceof Member member ? member.id() : account.accountId(),
        null,
        null);
  }

  /**
   * The operator's switch: whether this account's workspaces may use any settlement method,
   * whatever their site allows. Audited with the operator as the actor and the reason they gave.
   */
  public BillingAccount allowArbitrarySelection(
      String username, boolean allowed, String operator, String reason) {
    BillingAccount account = require(username);
    String before = describe(account);
    if (account.allowArbitrarySelection(allowed)) {
      audit.record(
          account.id(),
          operator,
          "account.arbitrarySelectionChanged",
          SUBJECT,
          account.id(),
          before,
          JsonText.PROVIDER
              .createObjectBuilder()
              .add("arbitrarySelection", account.arbitrarySelection())
              .add("reason", reason)
              .build()
              .toString());
    }
    return account;
  }

  /** The account of a logged-in caller; it exists, since the identity store just found it. */
  public BillingAccount require(String username) {
    return findByUsername(username)
        .orElseThrow(() -> new IllegalStateException("No account " + username));
  }

  private static final String SUBJECT = "account";

  private static String describe(BillingAccount account) {
    return JsonText.PROVIDER
        .createObjectBuilder()
        .add("username", account.username())
        .add("loginAccount", account.loginAccount())
        .add("arbitrarySelection", account.arbitrarySelection())
        .build()
        .toString();
  }

  /**
   * Refuses ({@code username.taken}, {@code loginAccount.taken}) a user name or login account that
   * an account's own login or a team member already has ({@code login} in its canonical form);
   * either may be null: not checked.
   */
  public void refuseTaken(String username, String login) {
    if (username != null && findLogin(username).isPresent()) {
      throw new AccountRuleViolation("username.taken", "This user name is already taken.");
    }
    if (login == null) {
      return;
    }
    if (!em.createNamedQuery(BillingAccount.BY_LOGIN_ACCOUNT, BillingAccount.class)
            .setParameter("loginAccount", login)
            .getResultList()
            .isEmpty()
        || !em.createNamedQuery(Member.BY_LOGIN_ACCOUNT, Member.class)
            .setParameter("loginAccount", login)
            .getResultList()
            .isEmpty()) {
      throw new AccountRuleViolation(
          "loginAccount.taken", "This login account already belongs to another user.");
    }
  }

  /** The login of {@code username}: an account's own or a team member's who joined. */
  public Optional<Login> findLogin(String username) {
    return username.contains("@") ? Optional.empty() : Logins.find(em, username);
  }

  public Optional<BillingAccount> findByUsername(String username) {
    return em.createNamedQuery(BillingAccount.BY_USERNAME, BillingAccount.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }
}
