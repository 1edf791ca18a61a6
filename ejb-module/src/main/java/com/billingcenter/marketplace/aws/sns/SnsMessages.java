package com.billingcenter.marketplace.aws.sns;

import static com.billingcenter.platform.control.JsonText.text;

import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.marketplace.aws.sns.SnsRefusal.Reason;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.platform.control.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * host) and a notification's {@code action} read as the {@link SubscriptionEvent} its caller
 * applies.
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

  private final SnsFetch fetch;

  public SnsMessages() {
    this(SnsFetch.overTheNetwork());
  }

  SnsMessages(SnsFetch fetch) {
    this.fetch = fetch;
  }

  /**
   * What became of a message: a confirmation's {@code outcome}, or the {@code event} a notification
   * carries (its outcome is the lifecycle's to say).
   */
  public record Handled(String type, String outcome, SubscriptionEvent event) {

    static Handled done(String type, String outcome) {
      return new Handled(type, outcome, null);
    }
  }

  /**
   * Handles one message as SNS posted it: confirms a subscription, or reads a notification.
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
      message = SnsMessage.of(JsonText.object(new String(body, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      throw new SnsRefusal(Reason.MALFORMED, e.getMessage());
    }
    if (!topics.contains(message.topicArn())) {
      throw new SnsRefusal(Reason.UNKNOWN_TOPIC, "The message is from an unknown topic.");
    }
    if (!SnsSignature.verify(
        message, certificates.keyFor(message.signingCertUrl(), message.topicArn()))) {
      throw new SnsRefusal(Reason.BAD_SIGNATURE, "The message's signature does not verify.");
    }
    try {
      return switch (message.type()) {
        case SnsMessage.SUBSCRIPTION_CONFIRMATION -> confirm(message);
        case SnsMessage.UNSUBSCRIBE_CONFIRMATION -> Handled.done(message.type(), "ACKNOWLEDGED");
        default -> notification(message);
      };
    } catch (SnsRefusal refused) {
      throw refused.ofSigned();
    }
  }

  /**
   * Confirms a subscription by a GET of its {@code SubscribeURL}, on an allowed HTTPS host only.
   * SNS answers the GET with a small XML document; only its status matters here.
   */
  Handled confirm(SnsMessage message) {
    if (!SnsSignature.allowedUrl(
        message.subscribeUrl(), message.topicArn(), certificates.hosts(), false)) {
      throw new SnsRefusal(
          Reason.MALFORMED,
          "The SubscribeURL is not on the HTTPS host of its topic's SNS region; not fetched.");
    }
    try {
      int status = fetch.get(message.subscribeUrl(), 16 * 1024).status();
      LOG.info(() -> "SNS subscription to " + message.topicArn() + " confirmed: " + status);
      return Handled.done(message.type(), status == 200 ? "CONFIRMED" : "NOT_CONFIRMED");
    } catch (IOException e) {
      return Handled.done(message.type(), "NOT_CONFIRMED");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Handled.done(message.type(), "NOT_CONFIRMED");
    }
  }

  private Handled notification(SnsMessage message) {
    JsonObject payload;
    try {
      payload = JsonText.object(message.message());
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
    return new Handled(
        message.type(),
        null,
        new SubscriptionEvent(
            CHANNEL,
            message.messageId(),
            "aws",
            AwsLicenses.key(null, customer),
            null,
            null,
            change,
            at));
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
}
