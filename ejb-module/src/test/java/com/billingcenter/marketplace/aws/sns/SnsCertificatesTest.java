package com.billingcenter.marketplace.aws.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.billingcenter.marketplace.aws.sns.SnsRefusal.Reason;
import com.billingcenter.platform.control.JsonText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys of SNS signing certificates are fetched once and kept for the configured lifetime (a day
 * by default), then fetched again, so that a certificate AWS replaced is the one used; a failed
 * fetch after that refuses rather than trusting the old key; a URL off AWS's SNS hosts is never
 * fetched. And a subscription is confirmed by one GET of its SubscribeURL on an allowed host only.
 * The network is replaced by a stand-in that counts the GETs and answers what the test says.
 */
class SnsCertificatesTest {

  private static final String URL =
      "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem";
  private static final String TOPIC =
      "arn:aws:sns:us-east-1:123456789012:aws-mp-subscription-notification-prod-abc";
  private static final Pattern AWS_HOSTS = Pattern.compile(SnsSignature.DEFAULT_HOSTS);

  /** Two certificates, as AWS's SNS serves them (PEM): the current one and its replacement. */
  private static byte[] current;

  private static byte[] replacement;

  /** A certificate of someone else's: not SNS's subject. */
  private static byte[] notSns;

  private static PublicKey currentKey;
  private static PublicKey replacementKey;

  @BeforeAll
  static void certificates(@TempDir Path dir) throws Exception {
    current = selfSigned(dir.resolve("current.p12"), "CN=sns.amazonaws.com");
    replacement = selfSigned(dir.resolve("replacement.p12"), "CN=sns.amazonaws.com");
    notSns = selfSigned(dir.resolve("other.p12"), "CN=evil.example.com");
    currentKey = key(current);
    replacementKey = key(replacement);
  }

  /** A self-signed certificate made by the JDK's keytool, valid for ten years from now. */
  private static byte[] selfSigned(Path store, String subject) throws Exception {
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "signing",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "3650",
                "-dname",
                subject,
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-noprompt")
            .redirectErrorStream(true)
            .start();
    String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IllegalStateException("keytool: " + said);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getCertificate("signing").getEncoded());
    return ("-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static PublicKey key(byte[] pem) throws Exception {
    return java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificate(new java.io.ByteArrayInputStream(pem))
        .getPublicKey();
  }

  /** A clock the test moves. */
  private static final class Hands extends Clock {
    private Instant now = Instant.now();

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** The network: answers the GETs with what {@link #answer} says, and keeps the URLs asked. */
  private static final class Network implements SnsFetch {
    final List<String> asked = new ArrayList<>();
    SnsFetch.Fetched answer;

    @Override
    public Fetched get(String url, int limit) throws IOException {
      asked.add(url);
      if (answer == null) {
        throw new IOException("connection refused");
      }
      return answer;
    }
  }

  private final Hands clock = new Hands();
  private final Network network = new Network();

  private SnsCertificates certificates(Duration lifetime) {
    var settings = new SnsCertificates.Settings(AWS_HOSTS, Map.of(), lifetime);
    return new SnsCertificates(clock, network, () -> settings);
  }

  @Test
  void aKeyIsFetchedOnceAndKeptForItsLifetime() {
    SnsCertificates certificates = certificates(Duration.ofHours(1));
    network.answer = new SnsFetch.Fetched(200, current);
    assertEquals(currentKey, certificates.keyFor(URL, TOPIC));
    clock.advance(Duration.ofMinutes(59));
    assertEquals(currentKey, certificates.keyFor(URL, TOPIC));
    assertEquals(List.of(URL), network.asked, "one GET for both messages");
  }

  @Test
  void afterItsLifetimeTheKeyIsFetchedAgainAndAReplacedCertificateIsTheOneUsed() {
    SnsCertificates certificates = certificates(Duration.ofHours(1));
    network.answer = new SnsFetch.Fetched(200, current);
    certificates.keyFor(URL, TOPIC);
    network.answer = new SnsFetch.Fetched(200, replacement);
    clock.advance(Duration.ofHours(1));
    assertEquals(replacementKey, certificates.keyFor(URL, TOPIC));
    assertNotEquals(currentKey, replacementKey);
    assertEquals(2, network.asked.size());
  }

  @Test
  void theDefaultLifetimeIsADay() {
    SnsCertificates certificates = certificates(SnsCertificates.DEFAULT_LIFETIME);
    network.answer = new SnsFetch.Fetched(200, current);
    certificates.keyFor(URL, TOPIC);
    clock.advance(Duration.ofHours(24).minusSeconds(1));
    certificates.keyFor(URL, TOPIC);
    assertEquals(1, network.asked.size(), "kept for a day");
    clock.advance(Duration.ofSeconds(1));
    certificates.keyFor(URL, TOPIC);
    assertEquals(2, network.asked.size(), "and no longer");
  }

  @Test
  void aFailedFetchAfterTheLifetimeRefusesRatherThanTrustTheOldKey() {
    SnsCertificates certificates = certificates(Duration.ofHours(1));
    network.answer = new SnsFetch.Fetched(200, current);
    certificates.keyFor(URL, TOPIC);
    clock.advance(Duration.ofHours(2));
    network.answer = new SnsFetch.Fetched(404, new byte[0]);
    assertEquals(
        Reason.CERTIFICATE_UNAVAILABLE,
        assertThrows(SnsRefusal.class, () -> certificates.keyFor(URL, TOPIC)).reason());
    clock.advance(SnsCertificates.FAILED_PAUSE);
    network.answer = null;
    assertEquals(
        Reason.CERTIFICATE_UNAVAILABLE,
        assertThrows(SnsRefusal.class, () -> certificates.keyFor(URL, TOPIC)).reason());
    assertEquals(503, Reason.CERTIFICATE_UNAVAILABLE.status(), "SNS retries a 5xx, never a 4xx");
  }

  @Test
  void aCertificateOutOfItsValidityOrTooLargeOrNotACertificateIsRefused() {
    SnsCertificates certificates = certificates(Duration.ofHours(1));
    network.answer = new SnsFetch.Fetched(200, current);
    clock.advance(Duration.ofDays(11 * 365));
    assertThrows(SnsRefusal.class, () -> certificates.keyFor(URL, TOPIC), "expired by the clock");
    clock.advance(Duration.ofDays(-11 * 365));
    network.answer = new SnsFetch.Fetched(200, new byte[SnsCertificates.MAX_CERTIFICATE + 1]);
    assertThrows(SnsRefusal.class, () -> certificates.keyFor(URL, TOPIC), "too large");
    network.answer = new SnsFetch.Fetched(200, "<html>not a certificate</html>".getBytes());
    assertThrows(SnsRefusal.class, () -> certificates.keyFor(URL, TOPIC), "not a certificate");
  }

  @Test
  void aUrlOffAwsSnsHostsIsNeverFetched() {
    SnsCertificates certificates = certificates(Duration.ofHours(1));
    network.answer = new SnsFetch.Fetched(200, current);
    for (String url :
        List.of(
            "https://sns.s3.amazonaws.com/SimpleNotificationService-abc.pem",
            "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem",
            "https://evil.example.com/SimpleNotificationService-abc.pem")) {
      assertEquals(
          Reason.CERTIFICATE_URL,
          assertThrows(SnsRefusal.class, () -> certificates.keyFor(url, TOPIC)).reason(),
          url);
    }
    assertEquals(List.of(), network.asked);
  }

  /**
   * A failed fetch is remembered for a minute: the messages of that minute are answered 503 (SNS
   * retries them: "Amazon SNS message delivery retries",
   * https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html, retries server
   * errors) without asking again, and the URL is asked again after it.
   */
  @Test
  void aFailedFetchIsNotRepeatedForAMinute() {
    SnsCertificates certificates = certificates(Duration.ofHours(1));
    network.answer = null;
    for (int i = 0; i < 5; i++) {
      assertEquals(
          Reason.CERTIFICATE_UNAVAILABLE,
          assertThrows(SnsRefusal.class, () -> certificates.keyFor(URL, TOPIC)).reason());
      clock.advance(Duration.ofSeconds(10));
    }
    assertEquals(1, network.asked.size(), "asked once in the minute");
    clock.advance(Duration.ofSeconds(10));
    network.answer = new SnsFetch.Fetched(200, current);
    assertEquals(currentKey, certificates.keyFor(URL, TOPIC));
    assertEquals(2, network.asked.size());
  }

  /**
   * Only the host of the topic's own region, and only a certificate SNS signs with: AWS's page
   * "Verifying the signatures of Amazon SNS messages"
   * (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html) asks to check
   * that the certificate comes from an SNS URL and is issued by Amazon SNS.
   */
  @Test
  void theCertificateIsOnTheTopicsRegionalHostAndNamesSns() {
    SnsCertificates certificates = certificates(Duration.ofHours(1));
    network.answer = new SnsFetch.Fetched(200, current);
    String otherRegion = URL.replace("us-east-1", "eu-west-1");
    assertEquals(
        Reason.CERTIFICATE_URL,
        assertThrows(SnsRefusal.class, () -> certificates.keyFor(otherRegion, TOPIC)).reason());
    assertEquals(List.of(), network.asked, "another region's host is not asked");
    network.answer = new SnsFetch.Fetched(200, notSns);
    assertEquals(
        Reason.CERTIFICATE,
        assertThrows(SnsRefusal.class, () -> certificates.keyFor(URL, TOPIC)).reason());
  }

  private static SnsMessage confirmation(String subscribeUrl) {
    return SnsMessage.of(
        JsonText.PROVIDER
            .createObjectBuilder()
            .add("Type", "SubscriptionConfirmation")
            .add("MessageId", "165545c9-2a5c-472c-8df2-7ff2be2b3b1b")
            .add(
                "Token",
                "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a7")
            .add(
                "TopicArn",
                "arn:aws:sns:us-east-1:287250355862:aws-mp-subscription-notification-p1")
            .add("Message", "You have chosen to subscribe to the topic.")
            .add("SubscribeURL", subscribeUrl)
            .add("Timestamp", "2026-11-26T10:00:00.000Z")
            .add("SignatureVersion", "1")
            .add("Signature", "unsigned")
            .add("SigningCertURL", URL)
            .build());
  }

  private SnsMessages messages() {
    SnsMessages messages = new SnsMessages(network);
    messages.certificates = certificates(Duration.ofHours(1));
    return messages;
  }

  @Test
  void aConfirmationIsConfirmedByOneGetOfItsSubscribeUrl() {
    String subscribe =
        "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-1:287250355862:aws-mp-subscription-notification-p1&Token=2336412f";
    network.answer = new SnsFetch.Fetched(200, "<ConfirmSubscriptionResponse/>".getBytes());
    assertEquals("CONFIRMED", messages().confirm(confirmation(subscribe)).outcome());
    assertEquals(List.of(subscribe), network.asked);
    network.answer = new SnsFetch.Fetched(403, new byte[0]);
    assertEquals("NOT_CONFIRMED", messages().confirm(confirmation(subscribe)).outcome());
    network.answer = null;
    assertEquals("NOT_CONFIRMED", messages().confirm(confirmation(subscribe)).outcome());
  }

  @Test
  void aSubscribeUrlOffAwsSnsHostsIsNeverFetched() {
    network.answer = new SnsFetch.Fetched(200, new byte[0]);
    for (String url :
        List.of(
            "https://sns.s3.amazonaws.com/?Action=ConfirmSubscription&Token=x",
            "http://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=x",
            "https://localhost/?Action=ConfirmSubscription&Token=x")) {
      assertThrows(SnsRefusal.class, () -> messages().confirm(confirmation(url)), url);
    }
    assertEquals(List.of(), network.asked);
  }
}
