package com.billingcenter.marketplace.web;

import com.billingcenter.marketplace.aws.eventbridge.EventBridgeEvents;
import com.billingcenter.marketplace.boundary.AgreementEndings;
import com.billingcenter.marketplace.boundary.LifecycleEventDesk;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle;
import com.billingcenter.marketplace.control.AgreementEnding;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.platform.control.JsonText;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * AWS Marketplace's lifecycle events through Amazon EventBridge: a rule in the seller's account
 * sends them to this URL through an API destination whose connection adds a secret header ({@code
 * billing.aws.events.header}, default {@value #DEFAULT_HEADER}; value {@code
 * billing.aws.events.secret}). What each event means is {@link EventBridgeEvents}'s business.
 *
 * <p>An API destination retries only 401, 407, 409, 429 and 5xx answers (Amazon EventBridge User
 * Guide, "API destinations"): so an AWS event is never answered with another 4xx. An event whose
 * buyer has not registered yet is kept and answered 200 ({@code WAITING}); one for another product
 * or of a type we do not act on is answered 200 ({@code IGNORED}). The 4xx answers are for requests
 * that are no AWS event at all (no secret, not JSON, malformed, too large), and change nothing.
 */
@WebServlet(urlPatterns = {"/marketplace/aws/events", "/marketplace/aws-cn/events"})
public class EventBridgeServlet extends HttpServlet {

  static final String DEFAULT_HEADER = "X-Marketplace-Events-Secret";
  static final String CHANNEL = LifecycleEventDesk.EVENTBRIDGE;

  /** An event is a few kilobytes; EventBridge caps them at 256 KiB. */
  static final int MAX_BODY = 256 * 1024;

  private static final String WHAT = "EventBridge event";

  private static final Logger LOG = Logger.getLogger(EventBridgeServlet.class.getName());

  @Inject SubscriptionLifecycle lifecycle;
  @Inject AgreementEndings endings;
  @Inject LifecycleEventDesk desk;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!authorized(request, response)) {
      return;
    }
    String type = request.getContentType();
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      JsonAnswers.refuse(
          WHAT, request, response, 415, "events.notJson", "Events are sent as application/json.");
      return;
    }
    byte[] body =
        JsonAnswers.body(
            WHAT, request, response, MAX_BODY, "events.tooLarge", "An event is at most 256 KiB.");
    if (body == null) {
      return;
    }
    EventBridgeEvents.Reading reading;
    try {
      reading = read(request, body);
    } catch (IllegalArgumentException malformed) {
      // It came with the secret: AWS sent it, and an operator may replay it after a fix.
      desk.refused(CHANNEL, FulfillmentServlet.provider(request), malformed.getMessage(), body);
      JsonAnswers.refuse(WHAT, request, response, 400, "events.malformed", malformed.getMessage());
      return;
    }
    if (reading.ending() != null) {
      announce(reading.ending(), request, response);
      return;
    }
    if (reading.event() == null) {
      // Acknowledged, so that it is not sent again.
      answer(response, "IGNORED", b -> b.add("reason", reading.ignored()));
      return;
    }
    apply(reading.event(), new String(body, StandardCharsets.UTF_8), request, response);
  }

  /**
   * Whether the request carries the configured secret; if not, the refusal is answered (503 while
   * no secret is configured, 401 for a missing or wrong one).
   */
  private static boolean authorized(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<String> secret =
        ConfigProvider.getConfig().getOptionalValue("billing.aws.events.secret", String.class);
    if (secret.isEmpty() || secret.get().isBlank()) {
      JsonAnswers.refuse(
          WHAT, request, response, 503, "events.notConfigured", "This endpoint is not configured.");
      return false;
    }
    String header =
        ConfigProvider.getConfig()
            .getOptionalValue("billing.aws.events.header", String.class)
            .orElse(DEFAULT_HEADER);
    if (!sameSecret(request.getHeader(header), secret.get())) {
      JsonAnswers.refuse(
          WHAT, request, response, 401, "events.unauthorized", "Missing or wrong secret header.");
      return false;
    }
    return true;
  }

  /**
   * The event as the partition the endpoint serves reads it: the China partition's EventBridge rule
   * sends to /marketplace/aws-cn/events, and its events are about that partition's licenses.
   */
  private static EventBridgeEvents.Reading read(HttpServletRequest request, byte[] body) {
    String provider = FulfillmentServlet.provider(request);
    return EventBridgeEvents.read(
        body,
        CHANNEL,
        provider,
        ConfigProvider.getConfig()
            .getOptionalValue("billing." + provider + ".product-code", String.class)
            .orElse(null));
  }

  private void apply(
      SubscriptionEvent event,
      String body,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    try {
      SubscriptionLifecycle.Receipt receipt = lifecycle.receive(event, body);
      answer(
          response,
          receipt.outcome().name(),
          b -> b.add("lockedWorkspaces", receipt.lockedWorkspaces()));
    } catch (EJBException raced) {
      // e.g. the same event delivered twice at once: the other delivery's row won
      LOG.warning(() -> "Event " + event.messageId() + " failed: " + raced.getMessage());
      JsonAnswers.refuse(
          WHAT, request, response, 503, "events.retry", "The event could not be applied; retry.");
    }
  }

  private void announce(
      AgreementEnding ending, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      answer(response, endings.receive(ending).name(), b -> {});
    } catch (EJBException raced) {
      LOG.warning(() -> "Event " + ending.messageId() + " failed: " + raced.getMessage());
      JsonAnswers.refuse(
          WHAT, request, response, 503, "events.retry", "The event could not be applied; retry.");
    }
  }

  /** Answers 200 with the outcome and what {@code more} adds. */
  private static void answer(
      HttpServletResponse response, String outcome, Consumer<JsonObjectBuilder> more)
      throws IOException {
    JsonObjectBuilder json = JsonText.PROVIDER.createObjectBuilder().add("outcome", outcome);
    more.accept(json);
    JsonAnswers.answer(response, 200, json.build().toString());
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
    JsonAnswers.refuse(WHAT, request, response, 405, "events.notPosted", "Events are POSTed.");
  }
}
