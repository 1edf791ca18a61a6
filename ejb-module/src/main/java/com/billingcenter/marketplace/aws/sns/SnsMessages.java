package com.billingcenter.marketplace.aws.sns;

import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.marketplace.aws.sns.SnsRefusal.Reason;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.platform.control.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * AWS Marketplace's SNS messages: each is read, its topic checked against {@code
 * billing.aws.sns.topic-arns}, its signature verified with the certificate it names; then a
 * subscription confirmation is confirmed (its {@code SubscribeURL} fetched, only on an allowed
 * host) and a notification's {@code action} handed to {@link SubscriptionLifecycle}.
 */
@ApplicationScoped
public class SnsMessages {

  static final String CHANNEL = "sns";

  /** The actions of AWS Marketplace's subscription and entitlement topics. */
  static final Map<String, SubscriptionChange> ACTIONS =
      Map.of(
          "subscribe-success", SubscriptionChange.SUBSCRIBED,
          "subscribe-fail", SubscriptionChange.SUBSCRIBE_FAILED,
          "unsubscribe-pending", SubscriptionChange.ENDING,
          "unsubscribe-success", SubscriptionChange.ENDED,
          "entitlement-updated", SubscriptionChange.ENTITLEMENTS_CHANGED);

  private static final Logger LOG = Logger.getLogger(SnsMessages.class.getName());

  @Inject SnsCertificates certificates;
  @Inject SubscriptionLifecycle lifecycle;

  private final SnsFetch fetch;

  public SnsMessages() {
    this(SnsFetch.overTheNetwork());
  }

  SnsMessages(SnsFetch fetch) {
    this.fetch = fetch;
  }

  /** What became of a message. */
  public record Handled(String type, String outcome, int lockedWorkspaces) {}

  /**
   * Handles one message as SNS posted it.
   *
   * @throws SnsRefusal for a message that is malformed, from an unknown topic or not signed by the
   *     certificate it names (nothing was done); a notification about a customer who has not
   *     registered yet waits for them
   */
  public Handled handle(byte[] body) {
    Set<String> topics = topics();
    if (topics.isEmpty()) {
      throw new SnsRefusal(Reason.NOT_CONFIGURED, "No SNS topic is configured.");
    }
    SnsMessage message;
    try {
      message =
          SnsMessage.of(
              object(
                  new java.io.InputStreamReader(
                      new ByteArrayInputStream(body), java.nio.charset.StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      throw new SnsRefusal(Reason.MALFORMED, e.getMessage());
    }
    if (!topics.contains(message.topicArn())) {
      throw new SnsRefusal(Reason.UNKNOWN_TOPIC, "The message is from an unknown topic.");
    }
    if (!SnsSignature.verify(message, certificates.keyFor(message.signingCertUrl()))) {
      throw new SnsRefusal(Reason.BAD_SIGNATURE, "The message's signature does not verify.");
    }
    return switch (message.type()) {
      case SnsMessage.SUBSCRIPTION_CONFIRMATION -> confirm(message);
      case SnsMessage.UNSUBSCRIBE_CONFIRMATION -> new Handled(message.type(), "ACKNOWLEDGED", 0);
      default -> notification(message);
    };
  }

  /**
   * Confirms a subscription by a GET of its {@code SubscribeURL}, on an allowed HTTPS host only.
   * SNS answers the GET with a small XML document; only its status matters here.
   */
  Handled confirm(SnsMessage message) {
    if (!SnsSignature.allowedUrl(message.subscribeUrl(), certificates.hosts(), false)) {
      throw new SnsRefusal(
          Reason.MALFORMED, "The SubscribeURL is not on an allowed HTTPS host; not fetched.");
    }
    try {
      int status = fetch.get(message.subscribeUrl(), 16 * 1024).status();
      LOG.info(() -> "SNS subscription to " + message.topicArn() + " confirmed: " + status);
      return new Handled(message.type(), status == 200 ? "CONFIRMED" : "NOT_CONFIRMED", 0);
    } catch (IOException e) {
      return new Handled(message.type(), "NOT_CONFIRMED", 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Handled(message.type(), "NOT_CONFIRMED", 0);
    }
  }

  private Handled notification(SnsMessage message) {
    JsonObject payload;
    try {
      payload = object(new StringReader(message.message()));
    } catch (IllegalArgumentException e) {
      throw new SnsRefusal(Reason.MALFORMED, "The notification's Message is not a JSON object.");
    }
    String action = text(payload, "action");
    SubscriptionChange change = action == null ? null : ACTIONS.get(action);
    if (change == null) {
      throw new SnsRefusal(Reason.MALFORMED, "The notification has no known action.");
    }
    String productCode = text(payload, "product-code");
    String ours =
        ConfigProvider.getConfig()
            .getOptionalValue("billing.aws.product-code", String.class)
            .orElse("");
    if (productCode == null || (!ours.isBlank() && !ours.equals(productCode))) {
      throw new SnsRefusal(Reason.MALFORMED, "The notification is not about our product.");
    }
    // AWS's SNS notifications name the buyer by customer identifier only ("Amazon SNS
    // notifications" in the Seller Guide); they carry no license ARN.
    String customer = text(payload, "customer-identifier");
    if (customer == null || customer.isBlank()) {
      throw new SnsRefusal(Reason.MALFORMED, "The notification names no customer.");
    }
    Instant at;
    try {
      at = Instant.parse(message.timestamp());
    } catch (DateTimeParseException e) {
      throw new SnsRefusal(Reason.MALFORMED, "The Timestamp is not an ISO-8601 instant.");
    }
    if (message.messageId().length() > 128) {
      throw new SnsRefusal(Reason.MALFORMED, "The MessageId is too long.");
    }
    SubscriptionLifecycle.Receipt receipt =
        lifecycle.receive(
            new SubscriptionEvent(
                CHANNEL,
                message.messageId(),
                "aws",
                AwsLicenses.key(null, customer),
                null,
                null,
                change,
                at));
    return new Handled(message.type(), receipt.outcome().name(), receipt.lockedWorkspaces());
  }

  private static Set<String> topics() {
    return ConfigProvider.getConfig()
        .getOptionalValue("billing.aws.sns.topic-arns", String.class)
        .map(
            list ->
                Arrays.stream(list.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  private static JsonObject object(java.io.Reader in) {
    try (JsonReader reader = JsonText.PROVIDER.createReader(in)) {
      if (reader.readValue() instanceof JsonObject object) {
        return object;
      }
      throw new IllegalArgumentException("The body is not a JSON object.");
    } catch (JsonException e) {
      throw new IllegalArgumentException("The body is not valid JSON.");
    }
  }

  private static String text(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value ? value.getString() : null;
  }
}
