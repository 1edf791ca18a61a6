package com.billingcenter.system.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SandboxBuyers;
import com.billingcenter.system.support.WorkspaceCalls;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * AWS partitions: the China site cn2 (Ningxia, cn-northwest-1) is in AWS's China partition, whose
 * Marketplace, product code and {@code arn:aws-cn:} licenses are separate from the global
 * partition's (us1, eu1, ap1). Each partition has its own connection ({@code billing.aws.*}, {@code
 * billing.aws-cn.*}), fulfillment URL and events endpoint; a cloud account of one partition settles
 * only that partition's sites.
 */
class PartitionsIT {

  private static final String PASSWORD = "Billing-center-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private JsonObject buyer(String partition) {
    return SandboxBuyers.newBuyer(server, "\"partition\": \"" + partition + "\"");
  }

  private HttpResponse<String> fulfil(String path, JsonObject buyer) {
    return Http.send(
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", "en")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "x-amzn-marketplace-token="
                        + URLEncoder.encode(
                            buyer.getString("registrationToken"), StandardCharsets.UTF_8))));
  }

  private long take(String user, JsonObject buyer, String provider) throws Exception {
    return Database.bindAsTheSetUpPageDoes(server, user, buyer.getString("licenseArn"), provider);
  }

  private int settle(String user, long workspace, String method, long cloudAccount) {
    return Http.postJson(
            server.uri("/api/v1/workspaces/" + workspace + "/settlement"),
            "{\"method\": \"" + method + "\", \"cloudAccountId\": " + cloudAccount + "}",
            user,
            PASSWORD)
        .statusCode();
  }

  @Test
  void eachPartitionRegistersItsOwnBuyersAndSettlesOnlyItsOwnSites() throws Exception {
    JsonObject china = buyer("aws-cn");
    JsonObject global = buyer("aws");
    assertTrue(china.getString("licenseArn").startsWith("arn:aws-cn:"), china.toString());

    // A buyer comes back through the fulfillment URL of its partition's listing.
    assertEquals(400, fulfil("/marketplace/aws/fulfillment", china).statusCode(), "not ours there");
    assertEquals(303, fulfil("/marketplace/aws-cn/fulfillment", china).statusCode());
    assertEquals(303, fulfil("/marketplace/aws/fulfillment", global).statusCode());

    String user = Http.register(server, Http.uniqueName("partition"), PASSWORD);
    long cn = take(user, china, "aws-cn");
    long aws = take(user, global, "aws");
    long ningxia = WorkspaceCalls.create(server, user, PASSWORD, "Ningxia", "cn2", "zh");
    long oregon = WorkspaceCalls.create(server, user, PASSWORD, "Oregon", "us1", "en");

    JsonArray options =
        Http.jsonArray(
            Http.get(
                server.uri("/api/v1/workspaces/" + ningxia + "/settlement-options"),
                user,
                PASSWORD));
    assertTrue(options.toString().contains("\"aws-cn\""), options.toString());
    assertTrue(!options.toString().contains("\"aws\""), "no global account offered for cn2");

    assertEquals(400, settle(user, ningxia, "aws", aws) / 100 * 100, "a global license on cn2");
    assertEquals(400, settle(user, oregon, "aws-cn", cn) / 100 * 100, "a China license on us1");
    assertEquals(200, settle(user, ningxia, "aws-cn", cn));
    assertEquals(200, settle(user, oregon, "aws", aws));
    assertEquals(
        "aws-cn",
        Http.json(Http.get(server.uri("/api/v1/workspaces/" + ningxia), user, PASSWORD))
            .getString("settlementMethod"));

    // The China partition's events reach its own endpoint and end its own subscription.
    String ended = SandboxBuyers.unsubscribe(server, china);
    assertTrue(ended.contains("\"lockedWorkspaces\":1"), ended);
    assertEquals(
        "locked",
        Http.json(Http.get(server.uri("/api/v1/workspaces/" + ningxia), user, PASSWORD))
            .getString("status"));
    assertEquals(
        "active",
        Http.json(Http.get(server.uri("/api/v1/workspaces/" + oregon), user, PASSWORD))
            .getString("status"));
  }
}
