package com.billingcenter.account.boundary;

import com.billingcenter.account.control.LoginThrottles;
import com.billingcenter.account.control.MailedLinks;
import com.billingcenter.account.control.PasswordHashing;
import com.billingcenter.account.entity.AccountRuleViolation;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Login;
import com.billingcenter.account.entity.MailedLink;
import com.billingcenter.account.entity.Member;
import com.billingcenter.account.entity.PasswordPolicy;
import com.billingcenter.audit.control.Audit;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * "Forgot password": a mailed link, good for one use within {@code
 * billing.security.password-reset.lifetime} (an hour), opens a page that sets a new password. The
 * one who asks gets the same answer, in the same time, whether or not the account exists: the
 * account is looked for, and the mail sent, in the background ({@link PasswordResetMails}). Asking
 * is limited per client address ({@code …max-per-address} an hour) and per account ({@code
 * …max-per-account} mails an hour, beyond which nothing more is sent). A reset is a password
 * change: every session of the account ends, on every instance.
 */
@Stateless
public class PasswordResets {

  private static final Logger LOG = Logger.getLogger(PasswordResets.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject LoginThrottles throttles;
  @Inject PasswordResetMails mails;
  @Inject PasswordHashing passwordHashing;
  @Inject Audit audit;

  /** A mail to send: to whom, its subject and its text. */
  public record Letter(String to, String subject, String body) {}

  /**
   * Asks for a reset link for the account with this user name or login account. Answers when the
   * client's address must wait (it asked too often), else empty, whether or not such an account
   * exists.
   */
  public Optional<Instant> request(String nameOrLogin, String address, Locale language) {
    Optional<Instant> refused;
    try {
      refused = throttles.admitPasswordReset(address);
    } catch (RuntimeException busy) {
      // Many requests from one address at once (the count's row is held): one too many.
      return Optional.of(clock.instant().plusSeconds(1));
    }
    if (refused.isPresent()) {
      LOG.info(() -> "Refused a password reset request from " + address + " (too many)");
      return refused;
    }
    if (nameOrLogin != null && !nameOrLogin.isBlank() && nameOrLogin.length() <= 254) {
      mails.send(nameOrLogin.strip(), address, language);
    }
    return Optional.empty();
  }

  /** The user name a reset token is for, if it still opens the reset page. */
  public Optional<String> accountOf(String token) {
    return open(token, false).flatMap(link -> login(link, false)).map(Login::username);
  }

  /** The login a reset link is for (a removed member's: none), held for update when asked. */
  private Optional<Login> login(MailedLink link, boolean forUpdate) {
    LockModeType lock = forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE;
    return Optional.ofNullable(
        link.memberId() == null
            ? em.find(BillingAccount.class, link.accountId(), lock)
            : em.find(Member.class, link.memberId(), lock));
  }

  /**
   * Sets a new password through a reset link, which is then used up (with every other reset link of
   * the account). Refuses, changing nothing, a link that is unknown, used or expired ({@code
   * link.invalid}) and a weak password. Every session of the account ends.
   */
  public Login reset(String token, String newPassword, String address) {
    AccountRuleViolation invalid =
        new AccountRuleViolation(
            "link.invalid",
            "This link is not valid any more: it was used, or it expired. Ask for a new one.");
    MailedLink link = open(token, true).orElseThrow(() -> invalid);
    Login account = login(link, true).orElseThrow(() -> invalid);
    PasswordPolicy.check(newPassword, account.username());
    link.useUp(clock);
    withdrawLinks(em, account, clock);
    account.changePasswordHash(passwordHashing.hash(newPassword), clock);
    audit.record(
        account.accountId(),
        account.username(),
        "account.passwordReset",
        PasswordResetLinks.subject(account),
        PasswordResetLinks.subjectId(account),
        null,
        "{\"from\":\"" + address.replace("\"", "") + "\"}");
    LOG.info(() -> "The password of " + account.username() + " was reset through a mailed link");
    return account;
  }

  /** Withdraws every unused reset link of the login: its password changed. */
  static void withdrawLinks(EntityManager em, Login login, Clock clock) {
    em
        .createNamedQuery(MailedLink.UNUSED_OF_ACCOUNT, MailedLink.class)
        .setParameter("accountId", login.accountId())
        .setParameter("purpose", MailedLink.Purpose.PASSWORD_RESET)
        .getResultList()
        .stream()
        .filter(other -> other.isFor(login))
        .forEach(other -> other.withdraw(clock));
  }

  private Optional<MailedLink> open(String token, boolean forUpdate) {
    return MailedLinks.open(
        em, token, MailedLink.Purpose.PASSWORD_RESET, clock.instant(), forUpdate);
  }
}
