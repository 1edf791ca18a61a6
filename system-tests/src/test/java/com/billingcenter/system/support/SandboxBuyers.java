package com.billingcenter.system.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.billingcenter.marketplace.aws.control.AwsMarketplace;
import com.billingcenter.marketplace.aws.control.AwsMarketplaceSettings;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Buyers in the running server's sandbox, and the application's AWS adapter pointed at it. */
public final class SandboxBuyers {

  private SandboxBuyers() {}

  /** The adapter as the application builds it, with the sandbox as AWS; close it after use. */
  public static AwsMarketplace adapter(BillingCenterServer server) {
    return adapter(server, "billing-center-product");
  }

  /** The adapter of a seller with another product code. */
  public static AwsMarketplace adapter(BillingCenterServer server, String productCode) {
    return new AwsMarketplace(
        new AwsMarketplaceSettings(
            "us-east-1",
            productCode,
            Optional.of(server.uri("/aws-sandbox")),
            Optional.of("sandbox"),
            Optional.of("sandbox")));
  }

  /** A new buyer with a random AWS account id: a current product's, or a legacy one's. */
  public static JsonObject newBuyer(BillingCenterServer server, boolean legacy) {
    return newBuyer(server, "\"legacy\": " + legacy);
  }

  /**
   * A new buyer with a random AWS account id and the sandbox's other options, as JSON members (e.g.
   * {@code "partition": "aws-cn"}, {@code "sendEvents": false}).
   */
  public static JsonObject newBuyer(BillingCenterServer server, String options) {
    String accountId =
        Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    var created =
        Http.postJson(
            server.uri("/aws-sandbox/api/buyers"),
            "{\"awsAccountId\": \"" + accountId + "\", " + options + "}");
    assertEquals(201, created.statusCode(), created.body());
    return Http.json(created);
  }

  /**
   * The buyer unsubscribes in the sandbox; asserts that the seller answered 200 to each of the
   * notifications it was sent and returns what it answered to them, one line each.
   */
  public static String unsubscribe(BillingCenterServer server, JsonObject buyer) {
    var unsubscribed =
        Http.postJson(
            server.uri(
                "/aws-sandbox/api/buyers/" + buyer.getString("awsAccountId") + "/unsubscribe"),
            "");
    assertEquals(200, unsubscribed.statusCode(), unsubscribed.body());
    var deliveries = Http.json(unsubscribed).getJsonArray("deliveries");
    assertEquals(2, deliveries.size(), deliveries.toString());
    StringBuilder answers = new StringBuilder();
    for (JsonObject delivery : deliveries.getValuesAs(JsonObject.class)) {
      assertEquals(200, delivery.getInt("status"), delivery.toString());
      answers.append(delivery.getString("answer")).append('\n');
    }
    return answers.toString();
  }

  /**
   * The buyer's browser posts its registration token to the fulfillment URL, as AWS Marketplace's
   * "Set up your account" does; the Billing Center's answer.
   */
  public static java.net.http.HttpResponse<String> fulfill(
      BillingCenterServer server, JsonObject buyer) {
    return Http.send(
        java.net.http.HttpRequest.newBuilder(server.uri("/marketplace/aws/fulfillment"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "x-amzn-marketplace-token="
                        + java.net.URLEncoder.encode(
                            buyer.getString("registrationToken"),
                            java.nio.charset.StandardCharsets.UTF_8))));
  }

  /**
   * A sandbox buyer of {@code offer} (JSON), registered, and bound as the set-up page does by a new
   * customer whose user name starts with {@code prefix}; the user name.
   */
  public static String customer(
      BillingCenterServer server, String prefix, String offer, String password) throws Exception {
    JsonObject buyer = newBuyer(server, "\"offer\": " + offer);
    java.net.http.HttpResponse<String> fulfilled = fulfill(server, buyer);
    assertEquals(303, fulfilled.statusCode(), fulfilled.body());
    String user = Http.register(server, Http.uniqueName(prefix), password);
    Database.bindAsTheSetUpPageDoes(server, user, buyer.getString("licenseArn"), "aws");
    return user;
  }
}
