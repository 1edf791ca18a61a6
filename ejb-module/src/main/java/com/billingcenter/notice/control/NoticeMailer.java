package com.billingcenter.notice.control;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.notice.entity.Notice;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends a notice by e-mail to the account's login when it is an e-mail address, through the SMTP
 * server of {@code billing.mail.smtp.host} (nothing is sent without one). A notice that was mailed
 * is marked so; a failure is logged (never the password) and leaves it unmarked, shown in the
 * Billing Center as always.
 */
@Stateless
public class NoticeMailer {

  private static final Logger LOG = Logger.getLogger(NoticeMailer.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void mail(long noticeId) {
    Config config = ConfigProvider.getConfig();
    Optional<String> host = config.getOptionalValue("billing.mail.smtp.host", String.class);
    if (host.isEmpty() || host.get().isBlank()) {
      return;
    }
    Notice notice = em.find(Notice.class, noticeId);
    BillingAccount owner = notice == null ? null : em.find(BillingAccount.class, notice.ownerId());
    if (owner == null || !owner.loginAccount().contains("@")) {
      return;
    }
    Properties properties = new Properties();
    properties.put("mail.smtp.host", host.get());
    properties.put(
        "mail.smtp.port",
        config.getOptionalValue("billing.mail.smtp.port", Integer.class).orElse(25).toString());
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put(
        "mail.smtp.starttls.enable",
        config
            .getOptionalValue("billing.mail.smtp.starttls", Boolean.class)
            .orElse(false)
            .toString());
    Optional<String> user = config.getOptionalValue("billing.mail.smtp.user", String.class);
    Optional<String> password = config.getOptionalValue("billing.mail.smtp.password", String.class);
    Authenticator authenticator = null;
    if (user.isPresent() && password.isPresent()) {
      properties.put("mail.smtp.auth", "true");
      authenticator =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user.get(), password.get());
            }
          };
    }
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(properties, authenticator));
      message.setFrom(
          new InternetAddress(
              config
                  .getOptionalValue("billing.mail.from", String.class)
                  .orElse("billing-center@localhost")));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(owner.loginAccount()));
      message.setSubject(notice.subject(), "UTF-8");
      message.setText(notice.body(), "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      Transport.send(message);
      notice.emailed(clock);
    } catch (MessagingException e) {
      LOG.warning(
          () ->
              "Notice "
                  + noticeId
                  + " could not be mailed: "
                  + e.getClass().getSimpleName()
                  + " "
                  + e.getMessage());
    }
  }
}
