package com.billingcenter.system.support;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.support.ui.FluentWait;

/** Reading the mails the Billing Center sent to a server's {@link SmtpSink}. */
public final class Mails {

  private Mails() {}

  /**
   * The text of the first mail to {@code to} whose text contains {@code containing}, once it has
   * arrived (within 20 s), decoded from its transfer encoding.
   */
  public static String await(BillingCenterServer server, String to, String containing) {
    return new FluentWait<>(server.mail())
        .withTimeout(Duration.ofSeconds(20))
        .pollingEvery(Duration.ofMillis(200))
        .until(sink -> find(sink.messages(), to, containing).orElse(null));
  }

  /** The mails to {@code to} whose text contains {@code containing}, decoded, as they are now. */
  public static List<String> to(BillingCenterServer server, String to, String containing) {
    return server.mail().messages().stream()
        .filter(m -> addressedTo(m, to))
        .map(Mails::text)
        .filter(t -> t.contains(containing))
        .toList();
  }

  private static Optional<String> find(List<String> messages, String to, String containing) {
    return messages.stream()
        .filter(m -> addressedTo(m, to))
        .map(Mails::text)
        .filter(t -> t.contains(containing))
        .findFirst();
  }

  private static boolean addressedTo(String raw, String to) {
    return raw.toLowerCase(Locale.ROOT).contains("to: " + to.toLowerCase(Locale.ROOT));
  }

  /** The first link in a mail's text that starts with {@code prefix}. */
  public static String link(String text, String prefix) {
    Matcher m = Pattern.compile(Pattern.quote(prefix) + "[^\\s]+").matcher(text);
    if (!m.find()) {
      throw new AssertionError("no link " + prefix + "… in " + text);
    }
    return m.group();
  }

  /** A raw mail's headers, then its body decoded (quoted-printable or base64, UTF-8). */
  public static String text(String raw) {
    return SmtpSink.decoded(raw);
  }
}
