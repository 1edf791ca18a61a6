package com.billingcenter.marketplace.web;

import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.marketplace.control.UnknownSubscription;
import com.billingcenter.marketplace.entity.MarketplaceEvent;
import com.billingcenter.platform.control.JsonText;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * AWS Marketplace's lifecycle events through Amazon EventBridge: a rule in the seller's account
 * sends them to this URL through an API destination whose connection adds a secret header ({@code
 * billing.aws.events.header}, default {@value #DEFAULT_HEADER}; value {@code
 * billing.aws.events.secret}). Each event is answered with 200 and its outcome in JSON, or a 4xx
 * that says what was wrong, and then nothing changed.
 */
@WebServlet(urlPatterns = "/marketplace/aws/events")
public class EventBridgeServlet extends HttpServlet {

  static final String DEFAULT_HEADER = "X-Marketplace-Events-Secret";
  static final String CHANNEL = "eventbridge";

  /** An event is a few kilobytes; EventBridge caps them at 256 KiB. */
  static final int MAX_BODY = 256 * 1024;

  /** The events we act on, by {@code detail-type}. */
  static final Map<String, SubscriptionChange> CHANGES =
      Map.of(
          "Purchase Agreement Created - Manufacturer", SubscriptionChange.SUBSCRIBED,
          "Purchase Agreement Amended - Manufacturer", SubscriptionChange.ENTITLEMENTS_CHANGED,
          "Purchase Agreement Ended - Manufacturer", SubscriptionChange.ENDED,
          "License Updated - Manufacturer", SubscriptionChange.ENTITLEMENTS_CHANGED,
          "License Deprovisioned - Manufacturer", SubscriptionChange.ENDING);

  private static final Logger LOG = Logger.getLogger(EventBridgeServlet.class.getName());

  @Inject SubscriptionLifecycle lifecycle;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<String> secret =
        ConfigProvider.getConfig().getOptionalValue("billing.aws.events.secret", String.class);
    if (secret.isEmpty() || secret.get().isBlank()) {
      JsonAnswers.refuse(
          "EventBridge event",
          request,
          response,
          503,
          "events.notConfigured",
          "This endpoint is not configured.");
      return;
    }
    String header =
        ConfigProvider.getConfig()
            .getOptionalValue("billing.aws.events.header", String.class)
            .orElse(DEFAULT_HEADER);
    if (!sameSecret(request.getHeader(header), secret.get())) {
      JsonAnswers.refuse(
          "EventBridge event",
          request,
          response,
          401,
          "events.unauthorized",
          "Missing or wrong secret header.");
      return;
    }
    String type = request.getContentType();
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      JsonAnswers.refuse(
          "EventBridge event",
          request,
          response,
          415,
          "events.notJson",
          "Events are sent as application/json.");
      return;
    }
    byte[] body =
        JsonAnswers.body(
            "EventBridge event",
            request,
            response,
            MAX_BODY,
            "events.tooLarge",
            "An event is at most 256 KiB.");
    if (body == null) {
      return;
    }
    SubscriptionEvent event;
    try {
      event = parse(body);
    } catch (IllegalArgumentException malformed) {
      JsonAnswers.refuse(
          "EventBridge event", request, response, 400, "events.malformed", malformed.getMessage());
      return;
    }
    if (event == null) {
      // An event type we do not act on: acknowledged, so that it is not sent again.
      JsonAnswers.answer(response, 200, "{\"outcome\":\"IGNORED\"}");
      return;
    }
    try {
      SubscriptionLifecycle.Receipt receipt = lifecycle.receive(event);
      JsonAnswers.answer(
          response,
          200,
          JsonText.PROVIDER
              .createObjectBuilder()
              .add("outcome", receipt.outcome().name())
              .add("lockedWorkspaces", receipt.lockedWorkspaces())
              .build()
              .toString());
    } catch (UnknownSubscription unknown) {
      JsonAnswers.refuse(
          "EventBridge event",
          request,
          response,
          404,
          "events.unknownSubscription",
          unknown.getMessage());
    } catch (MarketplaceException unavailable) {
      JsonAnswers.refuse(
          "EventBridge event",
          request,
          response,
          503,
          "events.marketplaceUnavailable",
          "AWS Marketplace could not be asked for the entitlements; send the event again.");
    } catch (EJBException raced) {
      // e.g. the same event delivered twice at once: the other delivery's row won
      LOG.warning(() -> "Event " + event.messageId() + " failed: " + raced.getMessage());
      JsonAnswers.refuse(
          "EventBridge event",
          request,
          response,
          503,
          "events.retry",
          "The event could not be applied; retry.");
    }
  }

  /**
   * The change an event stands for, or null for an event type we do not act on.
   *
   * @throws IllegalArgumentException when the body is not an EventBridge event we can read
   */
  static SubscriptionEvent parse(byte[] body) {
    JsonObject event;
    try (JsonReader reader = JsonText.PROVIDER.createReader(new ByteArrayInputStream(body))) {
      JsonValue value = reader.readValue();
      if (!(value instanceof JsonObject object)) {
        throw new IllegalArgumentException("The body is not a JSON object.");
      }
      event = object;
    } catch (jakarta.json.JsonException e) {
      throw new IllegalArgumentException("The body is not valid JSON.");
    }
    String id = text(event, "id");
    String detailType = text(event, "detail-type");
    String time = text(event, "time");
    if (id == null || detailType == null || time == null) {
      throw new IllegalArgumentException("An event has an id, a detail-type and a time.");
    }
    if (id.isBlank() || id.length() > MarketplaceEvent.MAX_MESSAGE_ID) {
      throw new IllegalArgumentException("The event id is empty or too long.");
    }
    Instant occurredAt;
    try {
      occurredAt = Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("The time is not an ISO-8601 instant.");
    }
    SubscriptionChange change = CHANGES.get(detailType);
    if (change == null) {
      return null;
    }
    if (!(event.get("detail") instanceof JsonObject detail)) {
      throw new IllegalArgumentException("The event has no detail.");
    }
    String licenseArn = licenseArn(detail);
    if (licenseArn == null || !licenseArn.startsWith("arn:")) {
      throw new IllegalArgumentException("The event's detail names no license ARN.");
    }
    String productCode =
        detail.get("product") instanceof JsonObject product ? text(product, "code") : null;
    String ours =
        ConfigProvider.getConfig()
            .getOptionalValue("billing.aws.product-code", String.class)
            .orElse("");
    if (productCode != null && !ours.isBlank() && !ours.equals(productCode)) {
      throw new IllegalArgumentException("The event is about another product.");
    }
    return new SubscriptionEvent(CHANNEL, id, "aws", licenseArn, null, change, occurredAt);
  }

  /** The license: {@code licenseArn}, the first of {@code licenseArns}, or {@code license.arn}. */
  private static String licenseArn(JsonObject detail) {
    String direct = text(detail, "licenseArn");
    if (direct != null) {
      return direct;
    }
    if (detail.get("licenseArns") instanceof JsonArray arns
        && !arns.isEmpty()
        && arns.get(0) instanceof JsonString first) {
      return first.getString();
    }
    return detail.get("license") instanceof JsonObject license ? text(license, "arn") : null;
  }

  private static String text(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value ? value.getString() : null;
  }

  /** Compares digests, so that neither the content nor the length leaks through timing. */
  static boolean sameSecret(String given, String expected) {
    if (given == null) {
      return false;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] a = sha.digest(given.getBytes(StandardCharsets.UTF_8));
      byte[] b = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(a, b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Allow", "POST");
    JsonAnswers.refuse(
        "EventBridge event", request, response, 405, "events.notPosted", "Events are POSTed.");
  }
}
