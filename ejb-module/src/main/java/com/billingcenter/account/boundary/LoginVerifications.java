package com.billingcenter.account.boundary;

import com.billingcenter.account.control.MailedLinks;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.MailedLink;
import com.billingcenter.audit.control.Audit;
import com.billingcenter.platform.control.PublicAddress;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The confirmation of a login e-mail address: a mailed link of {@code
 * billing.security.login-verification.lifetime} (7 days) that works once, at most {@link
 * #MAX_PER_HOUR} an hour for one account; opening it confirms the address. Until then no password
 * reset is mailed to it, so that an address typed wrongly (someone else's) cannot take the account
 * over.
 */
@Stateless
public class LoginVerifications {

  private static final Logger LOG = Logger.getLogger(LoginVerifications.class.getName());

  /** Confirmation mails per account and hour. */
  static final int MAX_PER_HOUR = 3;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject PublicAddress publicAddress;
  @Inject Audit audit;

  @Inject
  @ConfigProperty(name = "billing.security.login-verification.lifetime", defaultValue = "P7D")
  Duration lifetime;

  /**
   * Issues a confirmation link for the account, in a transaction of its own (the mail goes out
   * after it commits); empty when there is nothing to confirm or it was sent too often lately.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<PasswordResets.Letter> issue(long accountId) {
    BillingAccount account =
        em.find(BillingAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (account == null || account.loginVerified() || !account.loginAccount().contains("@")) {
      return Optional.empty();
    }
    long recent =
        MailedLinks.sentInTheHour(em, accountId, MailedLink.Purpose.VERIFY_EMAIL, clock.instant());
    if (recent >= MAX_PER_HOUR) {
      LOG.info(() -> "No confirmation mail for " + account.username() + ": " + recent + " lately");
      return Optional.empty();
    }
    var issued =
        MailedLink.issue(MailedLink.Purpose.VERIFY_EMAIL, accountId, null, lifetime, clock);
    em.persist(issued.link());
    String link =
        publicAddress.link(
            "/verify-email.xhtml?token="
                + URLEncoder.encode(issued.token(), StandardCharsets.UTF_8));
    StringBuilder body = new StringBuilder();
    String subject = null;
    for (Locale language : new Locale[] {Locale.ENGLISH, Locale.CHINESE}) {
      ResourceBundle texts = MailedLinks.texts(language);
      subject = subject == null ? texts.getString("verifyEmail.subject") : subject;
      if (body.length() > 0) {
        body.append("\n\n----\n\n");
      }
      body.append(
          new MessageFormat(texts.getString("verifyEmail.body"), texts.getLocale())
              .format(new Object[] {account.username(), link, lifetime.toDays()}));
    }
    return Optional.of(new PasswordResets.Letter(account.loginAccount(), subject, body.toString()));
  }

  /**
   * Confirms the login e-mail address of the link's account, once; the account's user name, or
   * empty for a link that is unknown, used or expired.
   */
  public Optional<String> verify(String token) {
    Optional<MailedLink> link =
        MailedLinks.open(em, token, MailedLink.Purpose.VERIFY_EMAIL, clock.instant(), true);
    if (link.isEmpty()) {
      return Optional.empty();
    }
    link.get().useUp(clock);
    BillingAccount account = em.find(BillingAccount.class, link.get().accountId());
    account.verifyLogin(clock);
    audit.record(
        account.id(),
        account.username(),
        "account.loginVerified",
        "account",
        account.id(),
        null,
        "{\"loginAccount\":\"" + account.loginAccount().replace("\"", "") + "\"}");
    return Optional.of(account.username());
  }
}
