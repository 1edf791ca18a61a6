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

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Inject SnsPublisher sns;

  /**
   * The buyer unsubscribed. A current product's buyer: the EventBridge events "License
   * Deprovisioned" (the final metering hour opens), then "Purchase Agreement Ended" a second later.
   * A legacy product's buyer: the SNS notifications {@code unsubscribe-pending}, then {@code
   * unsubscribe-success} a second later.
   */
  public List<Delivery> unsubscribed(SandboxMarketplace.Buyer buyer, Instant at) {
    Instant now = at.truncatedTo(ChronoUnit.SECONDS);
    if (buyer.legacy()) {
      return List.of(
          sns.notify(buyer, "unsubscribe-pending", now),
          sns.notify(buyer, "unsubscribe-success", now.plusSeconds(1)));
    }
    return List.of(
        send(
            event(
                "License Deprovisioned - Manufacturer",
                now,
                license(buyer).add("licenseArn", buyer.licenseArn()))),
        send(
            event(
                "Purchase Agreement Ended - Manufacturer",
                now.plusSeconds(1),
                license(buyer)
                    .add("agreement", JSON.createObjectBuilder().add("status", "TERMINATED"))
                    .add("licenseArns", JSON.createArrayBuilder().add(buyer.licenseArn())))));
  }

  private static JsonObjectBuilder license(SandboxMarketplace.Buyer buyer) {
    return JSON.createObjectBuilder()
        .add("requestId", UUID.randomUUID().toString())
        .add("catalog", "AWSMarketplace")
        .add("acceptor", JSON.createObjectBuilder().add("accountId", buyer.awsAccountId()))
        .add("product", JSON.createObjectBuilder().add("code", buyer.productCode()));
  }

  private static JsonObject event(String detailType, Instant time, JsonObjectBuilder detail) {
    return JSON.createObjectBuilder()
        .add("version", "0")
        .add("id", UUID.randomUUID().toString())
        .add("detail-type", detailType)
        .add("source", "aws.agreement-marketplace")
        .add("account", "000000000000")
        .add("time", time.toString())
        .add("region", "us-east-1")
        .add("resources", JSON.createArrayBuilder())
        .add("detail", detail)
        .build();
  }

  Delivery send(JsonObject event) {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(eventsUrl))
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
