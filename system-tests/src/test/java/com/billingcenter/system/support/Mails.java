package com.billingcenter.system.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
    int split = raw.indexOf("\n\n");
    String headers = split < 0 ? raw : raw.substring(0, split);
    String body = split < 0 ? "" : raw.substring(split + 2);
    String encoding = headers.toLowerCase(Locale.ROOT);
    if (encoding.contains("content-transfer-encoding: quoted-printable")) {
      body = quotedPrintable(body);
    } else if (encoding.contains("content-transfer-encoding: base64")) {
      body =
          new String(
              Base64.getMimeDecoder().decode(body.replaceAll("\\s", "")), StandardCharsets.UTF_8);
    }
    return headers + "\n\n" + body;
  }

  private static String quotedPrintable(String body) {
    String joined = body.replace("=\r\n", "").replace("=\n", "");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      if (c == '=' && i + 2 < joined.length()) {
        bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
