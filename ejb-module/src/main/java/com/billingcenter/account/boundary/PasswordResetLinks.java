package com.billingcenter.account.boundary;

import com.billingcenter.account.control.Logins;
import com.billingcenter.account.control.MailedLinks;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Login;
import com.billingcenter.account.entity.MailedLink;
import com.billingcenter.account.entity.Member;
import com.billingcenter.audit.control.Audit;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.platform.control.JsonText;
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
 * Issues password reset links ({@link PasswordResets}), each in a transaction of its own, so that
 * its mail goes out after the commit: a link of {@code billing.security.password-reset.lifetime}
 * (an hour), and at most {@code …max-per-account} an hour for one account.
 */
@Stateless
public class PasswordResetLinks {

  private static final Logger LOG = Logger.getLogger(PasswordResetLinks.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject PublicAddress publicAddress;
  @Inject Audit audit;

  @Inject
  @ConfigProperty(name = "billing.security.password-reset.lifetime", defaultValue = "PT1H")
  Duration lifetime;

  @Inject
  @ConfigProperty(name = "billing.security.password-reset.max-per-account", defaultValue = "3")
  int perAccount;

  /**
   * Issues a link for the login named (by user name or login account: the account's own or a team
   * member's), if mail can reach it and it was not sent too many lately; answers the mail to send.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<PasswordResets.Letter> issue(
      String nameOrLogin, String address, Locale language) {
    Optional<Login> found = Logins.find(em, nameOrLogin);
    if (found.isEmpty() || !found.get().loginAccount().contains("@")) {
      LOG.fine("A password reset was asked for an account that does not exist");
      return Optional.empty();
    }
    if (!found.get().loginVerified()) {
      // An address never confirmed may be someone else's (a typing error): no reset goes to it.
      LOG.info(() -> "No reset mail for " + found.get().username() + ": address not confirmed");
      refused(found.get(), address, "the login e-mail address is not confirmed");
      return Optional.empty();
    }
    // The account's row is held while the login's links are counted and one is issued: parallel
    // requests for one account are counted one after another, so the limit holds.
    em.find(BillingAccount.class, found.get().accountId(), LockModeType.PESSIMISTIC_WRITE);
    Login login = found.get();
    long recent =
        MailedLinks.sentInTheHour(em, login, MailedLink.Purpose.PASSWORD_RESET, clock.instant());
    if (recent >= perAccount) {
      LOG.info(() -> "No reset mail for " + login.username() + ": " + recent + " in the hour");
      refused(login, address, recent + " sent in the hour");
      return Optional.empty();
    }
    Long memberId = login instanceof Member member ? member.id() : null;
    var issued =
        MailedLink.issue(
            MailedLink.Purpose.PASSWORD_RESET, login.accountId(), null, memberId, lifetime, clock);
    em.persist(issued.link());
    audit.record(
        login.accountId(),
        login.username(),
        "account.passwordResetRequested",
        subject(login),
        subjectId(login),
        null,
        "{\"from\":\"" + address.replace("\"", "") + "\"}");
    ResourceBundle texts = MailedLinks.texts(language);
    String link =
        publicAddress.link(
            "/reset-password.xhtml?token="
                + URLEncoder.encode(issued.token(), StandardCharsets.UTF_8));
    Object[] values = {login.username(), link, lifetime.toMinutes()};
    return Optional.of(
        new PasswordResets.Letter(
            login.loginAccount(),
            texts.getString("passwordReset.subject"),
            new MessageFormat(texts.getString("passwordReset.body"), texts.getLocale())
                .format(values)));
  }

  /** What an audit entry about a login's password is about: the account, or the member. */
  static String subject(Login login) {
    return login instanceof Member ? "member" : "account";
  }

  static Long subjectId(Login login) {
    return login instanceof Member member ? member.id() : login.accountId();
  }

  /** The owner's audit log says that a reset was asked for and why none was sent. */
  private void refused(Login login, String address, String why) {
    audit.record(
        login.accountId(),
        AuditEntry.SYSTEM,
        "account.passwordResetRefused",
        subject(login),
        subjectId(login),
        null,
        JsonText.PROVIDER
            .createObjectBuilder()
            .add("from", address)
            .add("why", why)
            .build()
            .toString());
  }
}
