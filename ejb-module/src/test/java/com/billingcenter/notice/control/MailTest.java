package com.billingcenter.notice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The SMTP settings a mail is sent with: STARTTLS unless the configuration turns it off. */
class MailTest {

  private static Properties smtp(Map<String, String> settings) {
    return Mail.smtp("mail.example.org", key -> Optional.ofNullable(settings.get(key)));
  }

  @Test
  void byDefaultStartTlsIsRequiredAndTheServersNameChecked() {
    Properties smtp = smtp(Map.of());
    assertEquals("mail.example.org", smtp.get("mail.smtp.host"));
    assertEquals("25", smtp.get("mail.smtp.port"));
    assertEquals("true", smtp.get("mail.smtp.starttls.enable"));
    assertEquals("true", smtp.get("mail.smtp.starttls.required"));
    assertEquals("true", smtp.get("mail.smtp.ssl.checkserveridentity"));
  }

  @Test
  void aLocalRelayWithoutTlsIsAKeyAway() {
    Properties smtp =
        smtp(Map.of("billing.mail.smtp.starttls", "false", "billing.mail.smtp.port", "2525"));
    assertEquals("2525", smtp.get("mail.smtp.port"));
    assertEquals("false", smtp.get("mail.smtp.starttls.enable"));
    assertEquals("false", smtp.get("mail.smtp.starttls.required"));
  }
}
