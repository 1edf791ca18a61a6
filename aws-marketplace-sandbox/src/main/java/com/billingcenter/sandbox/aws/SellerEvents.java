package com.billingcenter.sandbox.aws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the seller the lifecycle events AWS Marketplace sends through Amazon EventBridge, as an API
 * destination does: a JSON POST to {@code sandbox.events-url} with the connection's secret header
 * ({@code sandbox.events-header}: {@code sandbox.events-secret}); a legacy product's buyer is
 * announced over SNS instead ({@link SnsPublisher}).
 */
@ApplicationScoped
public class SellerEvents {

  private static final JsonProvider JSON = JsonProvider.provider();

  /** What the seller answered to one event. */
  public record Delivery(String detailType, String eventId, int status, String answer) {}

  @Inject
  @ConfigProperty(
      name = "sandbox.events-url",
      defaultValue = "http://localhost:8080/marketplace/aws/events")
  String eventsUrl;

  @Inject
  @ConfigProperty(name = "sandbox.events-header", defaultValue = "X-Marketplace-Events-Secret")
  String header;

  @Inject
  @ConfigProperty(name = "sandbox.events-secret", defaultValue = "sandbox-events-secret")
  String secret;

  /**
   * HTTP/1.1, as an EventBridge API destination delivers. Over plain HTTP the JDK client would
   * otherwise upgrade to HTTP/2 (h2c), and Payara's h2c answers some requests of an upgraded
   * connection with 431 (seen at random header sizes, 2026-12-06): the seller's answer would not be
   * its own.
   */
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Inject SnsPublisher sns;

  /** The seller's own account id, as the events name the proposer. */
  static final String SELLER_ACCOUNT = "000000000000";

  /**
   * The buyer subscribed: "Purchase Agreement Created", then "License Updated - Manufacturer",
   * which links the agreement to the license and comes before the buyer clicks Set up your account
   * (Seller Guide, "Managing SaaS subscription events with Amazon EventBridge"). A seller selling
   * its own offer is both manufacturer and proposer and gets only the Proposer agreement events; a
   * channel partner's offer gives the Manufacturer ones. Nothing is sent for a legacy product's or
   * an older listing's buyer (its SNS {@code subscribe-success} is sent on request, see {@link
   * SnsControlResource}).
   */
  public List<Delivery> subscribed(SandboxMarketplace.Buyer buyer, Instant at) {
    Instant now = at.truncatedTo(ChronoUnit.SECONDS);
    if (buyer.overSns()) {
      return List.of();
    }
    return List.of(
        send(
            buyer,
            event(
                "Purchase Agreement Created - " + role(buyer),
                now,
                agreement(buyer)
                    .add(
                        "agreement",
                        JSON.createObjectBuilder()
                            .add("id", buyer.agreementId())
                            .add("intent", "NEW")
                            .add("status", "ACTIVE")
                            .add("acceptanceTime", now.toString())
                            .add("startTime", now.toString())),
                buyer)),
        send(
            buyer,
            event("License Updated - Manufacturer", now.plusSeconds(1), license(buyer), buyer)));
  }

  /**
   * The buyer accepted an amendment of their agreement (more units, auto-renewal toggled):
   * "Purchase Agreement Amended" with intent AMEND and the same agreement id (Seller Guide, "Amazon
   * EventBridge events").
   */
  public List<Delivery> amended(SandboxMarketplace.Buyer buyer, Instant at) {
    return List.of(
        send(
            buyer,
            event(
                "Purchase Agreement Amended - " + role(buyer),
                at.truncatedTo(ChronoUnit.SECONDS),
                agreement(buyer)
                    .add(
                        "agreement",
                        JSON.createObjectBuilder()
                            .add("id", buyer.agreementId())
                            .add("intent", "AMEND")),
                buyer)));
  }

  /**
   * The buyer unsubscribed. A current product's buyer: "Purchase Agreement Ended" (status
   * CANCELLED), which opens the final usage window, then "License Deprovisioned - Manufacturer"
   * about half a minute later (Seller Guide, "Managing SaaS subscription events with Amazon
   * EventBridge", Report final usage before license is deprovisioned). Both are sent at once; their
   * times are AWS's. A legacy product's buyer, or an older listing's: the SNS notifications {@code
   * unsubscribe-pending}, then {@code unsubscribe-success} a second later.
   */
  public List<Delivery> unsubscribed(SandboxMarketplace.Buyer buyer, Instant at) {
    Instant now = at.truncatedTo(ChronoUnit.SECONDS);
    if (buyer.overSns()) {
      return List.of(
          sns.notify(buyer, "unsubscribe-pending", now),
          sns.notify(buyer, "unsubscribe-success", now.plusSeconds(1)));
    }
    return List.of(
        send(
            buyer,
            event(
                "Purchase Agreement Ended - " + role(buyer),
                now,
                agreement(buyer)
                    .add(
                        "agreement",
                        JSON.createObjectBuilder()
                            .add("id", buyer.agreementId())
                            .add("status", "CANCELLED")),
                buyer)),
        send(
            buyer,
            event(
                "License Deprovisioned - Manufacturer",
                now.plusSeconds(30),
                license(buyer),
                buyer)));
  }

  /** The events of a renewal or replacement, by the names a tester orders them with. */
  public static final List<String> RENEWAL_EVENTS =
      List.of("ended", "created", "updated", "deprovisioned");

  /**
   * A renewal (or with {@code replace}, a replacement by an agreement-based offer): the old
   * agreement's "Purchase Agreement Ended" (status RENEWED or REPLACED), the new one's "Purchase
   * Agreement Created" (intent RENEW with {@code previousAgreementId}, or intent REPLACE, for which
   * AWS documents no link field), its license's "License Updated - Manufacturer", and, when the
   * license changed, the old license's "License Deprovisioned - Manufacturer" (Seller Guide,
   * "Amazon EventBridge events"; "Work with renewals"). AWS documents no order between them: they
   * are sent in {@code order} (names of {@link #RENEWAL_EVENTS}), their times AWS's.
   */
  public List<Delivery> renewed(
      SandboxMarketplace.Buyer before,
      SandboxMarketplace.Buyer after,
      boolean replace,
      List<String> order,
      Instant at) {
    Instant now = at.truncatedTo(ChronoUnit.SECONDS);
    java.util.Map<String, JsonObject> byName = new java.util.LinkedHashMap<>();
    byName.put(
        "ended",
        event(
            "Purchase Agreement Ended - " + role(before),
            now,
            agreement(before)
                .add(
                    "agreement",
                    JSON.createObjectBuilder()
                        .add("id", before.agreementId())
                        .add("status", replace ? "REPLACED" : "RENEWED")),
            before));
    JsonObjectBuilder created =
        JSON.createObjectBuilder()
            .add("id", after.agreementId())
            .add("intent", replace ? "REPLACE" : "RENEW")
            .add("status", "ACTIVE")
            .add("acceptanceTime", now.toString())
            .add("startTime", now.toString());
    if (!replace) {
      created.add("previousAgreementId", before.agreementId());
    }
    byName.put(
        "created",
        event(
            "Purchase Agreement Created - " + role(after),
            now.plusSeconds(1),
            agreement(after).add("agreement", created),
            after));
    byName.put(
        "updated",
        event("License Updated - Manufacturer", now.plusSeconds(2), license(after), after));
    if (!before.licenseArn().equals(after.licenseArn())) {
      byName.put(
          "deprovisioned",
          event(
              "License Deprovisioned - Manufacturer",
              now.plusSeconds(30),
              license(before),
              before));
    }
    List<Delivery> sent = new java.util.ArrayList<>();
    for (String name : order) {
      JsonObject event = byName.remove(name);
      if (event != null) {
        sent.add(send(after, event));
      }
    }
    byName.values().forEach(e -> sent.add(send(after, e)));
    return sent;
  }

  private static String role(SandboxMarketplace.Buyer buyer) {
    return buyer.channelPartner() ? "Manufacturer" : "Proposer";
  }

  /** An agreement event's detail (Events for agreements): no license, no product code. */
  private static JsonObjectBuilder agreement(SandboxMarketplace.Buyer buyer) {
    JsonObjectBuilder detail =
        JSON.createObjectBuilder()
            .add("requestId", UUID.randomUUID().toString())
            .add("catalog", "AWSMarketplace")
            .add("acceptor", JSON.createObjectBuilder().add("accountId", buyer.awsAccountId()))
            .add("proposer", JSON.createObjectBuilder().add("accountId", SELLER_ACCOUNT))
            .add("offer", JSON.createObjectBuilder().add("id", "offer-sandbox"));
    if (buyer.channelPartner()) {
      detail.add(
          "resaleAuthorization", JSON.createObjectBuilder().add("id", "resaleauthz-sandbox"));
    }
    return detail;
  }

  /** A license event's detail (Events for licenses). */
  private static JsonObjectBuilder license(SandboxMarketplace.Buyer buyer) {
    return JSON.createObjectBuilder()
        .add("requestId", UUID.randomUUID().toString())
        .add("catalog", "AWSMarketplace")
        .add("agreement", JSON.createObjectBuilder().add("id", buyer.agreementId()))
        .add(
            "product",
            JSON.createObjectBuilder().add("code", buyer.productCode()).add("id", "prod-sandbox"))
        .add("license", JSON.createObjectBuilder().add("arn", buyer.licenseArn()))
        .add("acceptor", JSON.createObjectBuilder().add("accountId", buyer.awsAccountId()))
        .add("proposer", JSON.createObjectBuilder().add("accountId", SELLER_ACCOUNT))
        .add("offer", JSON.createObjectBuilder().add("id", "offer-sandbox"));
  }

  private static JsonObject event(
      String detailType, Instant time, JsonObjectBuilder detail, SandboxMarketplace.Buyer buyer) {
    return JSON.createObjectBuilder()
        .add("version", "0")
        .add("id", UUID.randomUUID().toString())
        .add("detail-type", detailType)
        .add("source", "aws.agreement-marketplace")
        .add("account", SELLER_ACCOUNT)
        .add("time", time.toString())
        .add("region", "us-east-1")
        .add(
            "resources",
            JSON.createArrayBuilder()
                .add("arn:aws:aws-marketplace::aws:agreement:" + buyer.agreementId()))
        .add("detail", detail)
        .build();
  }

  /**
   * Where a buyer's events go: the China partition's EventBridge has a rule and an API destination
   * of its own, here {@code sandbox.events-url} with {@code /marketplace/aws-cn/} in place of
   * {@code /marketplace/aws/}.
   */
  private String urlFor(SandboxMarketplace.Buyer buyer) {
    return buyer.china()
        ? eventsUrl.replace("/marketplace/aws/", "/marketplace/aws-cn/")
        : eventsUrl;
  }

  Delivery send(JsonObject event) {
    return send(event, eventsUrl);
  }

  private Delivery send(SandboxMarketplace.Buyer buyer, JsonObject event) {
    return send(event, urlFor(buyer));
  }

  private Delivery send(JsonObject event, String url) {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .header(header, secret)
                  .POST(HttpRequest.BodyPublishers.ofString(event.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Delivery(
          event.getString("detail-type"),
          event.getString("id"),
          answer.statusCode(),
          answer.body());
    } catch (IOException e) {
      return new Delivery(event.getString("detail-type"), event.getString("id"), 0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Delivery(event.getString("detail-type"), event.getString("id"), 0, "interrupted");
    }
  }
}
