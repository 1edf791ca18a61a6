package com.billingcenter.notice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends one plain-text mail through the SMTP server of {@code billing.mail.smtp.host}, over
 * STARTTLS unless {@code billing.mail.smtp.starttls} is false (see {@link #smtp}). Without one,
 * nothing is sent, unless {@code billing.mail.log-without-smtp} is true (the Run command's local
 * setting): then the mail is written to the server's log instead, so that a mailed link can be
 * followed on a machine without a mail server. A failure is logged (never the SMTP password).
 */
@ApplicationScoped
public class Mail {

  private static final Logger LOG = Logger.getLogger(Mail.class.getName());

  @Inject Clock clock;

  /** Sends the mail now; answers whether a mail server took it. */
  public boolean send(String to, String subject, String body) {
    Config config = ConfigProvider.getConfig();
    Optional<String> host =
        config.getOptionalValue("billing.mail.smtp.host", String.class).filter(h -> !h.isBlank());
    if (host.isEmpty()) {
      if (config.getOptionalValue("billing.mail.log-without-smtp", Boolean.class).orElse(false)) {
        LOG.info(
            () ->
                "Mail (no SMTP server configured; billing.mail.log-without-smtp is on) to "
                    + to
                    + "\nSubject: "
                    + subject
                    + "\n\n"
                    + body);
      }
      return false;
    }
    Properties properties = smtp(host.get(), key -> config.getOptionalValue(key, String.class));
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
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
      message.setSubject(subject, "UTF-8");
      message.setText(body, "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      Transport.send(message);
      return true;
    } catch (MessagingException e) {
      LOG.warning(
          () ->
              "A mail ("
                  + subject
                  + ") could not be sent: "
                  + e.getClass().getSimpleName()
                  + " "
                  + e.getMessage());
      return false;
    }
  }

  /**
   * The SMTP session's settings for {@code host} from the configuration {@code setting} reads:
   * STARTTLS is required, with the server's name checked against its certificate, unless {@code
   * billing.mail.smtp.starttls} is false (a relay on the same host or network that has no TLS).
   */
  static Properties smtp(String host, Function<String, Optional<String>> setting) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", setting.apply("billing.mail.smtp.port").orElse("25").strip());
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "10000");
    boolean starttls =
        !setting
            .apply("billing.mail.smtp.starttls")
            .map(String::strip)
            .orElse("true")
            .equals("false");
    properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
    properties.put("mail.smtp.starttls.required", Boolean.toString(starttls));
    properties.put("mail.smtp.ssl.checkserveridentity", Boolean.toString(starttls));
    return properties;
  }

  /** Whether a login account is an address mail can go to. */
  public static boolean mailable(String loginAccount) {
    return loginAccount != null && loginAccount.contains("@");
  }
}
