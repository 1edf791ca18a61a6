package com.billingcenter.sandbox.aws;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the seller AWS Marketplace's SNS notifications (the older integration), signed as SNS signs
 * them (SignatureVersion 2, SHA256withRSA over the canonical string) with the sandbox's own key.
 * The key and its self-signed certificate are made when the sandbox starts; the certificate is
 * served at {@code /sns/certificate.pem} and written to {@code sandbox.sns.certificate-file} when
 * set, so that the Billing Center can be told to trust it for the sandbox's {@code SigningCertURL}.
 */
@ApplicationScoped
public class SnsPublisher {

  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject SandboxMarketplace marketplace;

  @Inject
  @ConfigProperty(
      name = "sandbox.sns-url",
      defaultValue = "http://localhost:8080/marketplace/aws/sns")
  String snsUrl;

  @Inject
  @ConfigProperty(
      name = "sandbox.sns.certificate-url",
      defaultValue = "https://sns-sandbox.invalid/SimpleNotificationService-sandbox.pem")
  String certificateUrl;

  @Inject
  @ConfigProperty(name = "sandbox.sns.certificate-file")
  Optional<String> certificateFile;

  @Inject
  @ConfigProperty(name = "sandbox.sns.topic-arn")
  Optional<String> topicArn;

  private PrivateKey key;
  private String certificatePem;

  /**
   * HTTP/1.1, as an SNS HTTP(S) subscription delivers. Over plain HTTP the JDK client would
   * otherwise upgrade to HTTP/2 (h2c), and Payara's h2c answers some requests of an upgraded
   * connection with 431 (seen at random header sizes, 2026-12-06): the seller's answer would not be
   * its own.
   */
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @PostConstruct
  void makeKey() {
    try {
      Path dir = Files.createTempDirectory("sandbox-sns");
      Path store = dir.resolve("sns.p12");
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "sns",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-sigalg",
                  "SHA256withRSA",
                  "-validity",
                  "3650",
                  "-dname",
                  "CN=AWS Marketplace sandbox (not AWS)",
                  "-keystore",
                  store.toString(),
                  "-storetype",
                  "PKCS12",
                  "-storepass",
                  "sandbox",
                  "-keypass",
                  "sandbox",
                  "-noprompt")
              .redirectErrorStream(true)
              .start();
      keytool.getInputStream().readAllBytes();
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool could not make the sandbox's SNS key");
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, "sandbox".toCharArray());
      }
      key = (PrivateKey) keys.getKey("sns", "sandbox".toCharArray());
      X509Certificate certificate = (X509Certificate) keys.getCertificate("sns");
      certificatePem =
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(certificate.getEncoded())
              + "\n-----END CERTIFICATE-----\n";
      Files.delete(store);
      Files.delete(dir);
      if (certificateFile.isPresent()) {
        Path file = Path.of(certificateFile.get());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, certificatePem);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String certificatePem() {
    return certificatePem;
  }

  public String topicArn() {
    return topicArn.orElse(
        "arn:aws:sns:us-east-1:000000000000:aws-mp-subscription-notification-"
            + marketplace.productCode());
  }

  /**
   * Sends one notification with {@code action} ({@code subscribe-success}, {@code
   * unsubscribe-pending}, ...) about the buyer; returns what the seller answered.
   */
  public SellerEvents.Delivery notify(SandboxMarketplace.Buyer buyer, String action, Instant at) {
    JsonObjectBuilder message =
        JSON.createObjectBuilder()
            .add("action", action)
            .add("customer-identifier", buyer.customerIdentifier())
            .add("product-code", buyer.productCode())
            .add("offer-identifier", "offer-sandbox")
            .add("isFreeTrialTermPresent", "false");
    if (buyer.licenseArn() != null) {
      message.add("licenseArn", buyer.licenseArn());
    }
    String id = UUID.randomUUID().toString();
    String timestamp = at.truncatedTo(ChronoUnit.MILLIS).toString();
    String text = message.build().toString();
    String canonical =
        "Message\n"
            + text
            + "\nMessageId\n"
            + id
            + "\nTimestamp\n"
            + timestamp
            + "\nTopicArn\n"
            + topicArn()
            + "\nType\nNotification\n";
    String envelope =
        JSON.createObjectBuilder()
            .add("Type", "Notification")
            .add("MessageId", id)
            .add("TopicArn", topicArn())
            .add("Message", text)
            .add("Timestamp", timestamp)
            .add("SignatureVersion", "2")
            .add("Signature", sign(canonical))
            .add("SigningCertURL", certificateUrl)
            .add("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe")
            .build()
            .toString();
    return post("Notification", id, envelope, "SNS " + action);
  }

  /**
   * Sends a {@code SubscriptionConfirmation} of the topic whose {@code SubscribeURL} is {@code
   * subscribeUrl}, as SNS does when an endpoint is subscribed; returns what the seller answered.
   */
  public SellerEvents.Delivery confirmation(String subscribeUrl) {
    String id = UUID.randomUUID().toString();
    String timestamp = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    String token = UUID.randomUUID().toString();
    String text = "You have chosen to subscribe to the topic " + topicArn() + ".";
    String canonical =
        "Message\n"
            + text
            + "\nMessageId\n"
            + id
            + "\nSubscribeURL\n"
            + subscribeUrl
            + "\nTimestamp\n"
            + timestamp
            + "\nToken\n"
            + token
            + "\nTopicArn\n"
            + topicArn()
            + "\nType\nSubscriptionConfirmation\n";
    String envelope =
        JSON.createObjectBuilder()
            .add("Type", "SubscriptionConfirmation")
            .add("MessageId", id)
            .add("Token", token)
            .add("TopicArn", topicArn())
            .add("Message", text)
            .add("SubscribeURL", subscribeUrl)
            .add("Timestamp", timestamp)
            .add("SignatureVersion", "2")
            .add("Signature", sign(canonical))
            .add("SigningCertURL", certificateUrl)
            .build()
            .toString();
    return post("SubscriptionConfirmation", id, envelope, "SNS subscription confirmation");
  }

  private SellerEvents.Delivery post(String type, String id, String envelope, String what) {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(snsUrl))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "text/plain; charset=UTF-8")
                  .header("x-amz-sns-message-type", type)
                  .header("x-amz-sns-message-id", id)
                  .header("x-amz-sns-topic-arn", topicArn())
                  .POST(HttpRequest.BodyPublishers.ofString(envelope))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new SellerEvents.Delivery(what, id, answer.statusCode(), answer.body());
    } catch (IOException e) {
      return new SellerEvents.Delivery(what, id, 0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SellerEvents.Delivery(what, id, 0, "interrupted");
    }
  }

  private String sign(String canonical) {
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(canonical.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
