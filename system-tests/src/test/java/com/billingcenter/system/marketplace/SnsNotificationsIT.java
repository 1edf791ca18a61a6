package com.billingcenter.system.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.platform.control.JsonText;
import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SandboxBuyers;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.system.support.WorkspaceCalls;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The SNS endpoint with the sandbox as AWS: a legacy buyer's unsubscription, signed with the
 * sandbox's key, locks the workspaces it settled; every forged, changed, misdirected or malformed
 * message is refused and changes nothing, and a SubscribeURL outside AWS's hosts is never fetched.
 */
@SecurityPromise
class SnsNotificationsIT {

  private static final String PASSWORD = "Billing-center-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private HttpResponse<String> post(String body, String contentType) {
    return Http.send(
        HttpRequest.newBuilder(server.uri("/marketplace/aws/sns"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> post(String body) {
    return post(body, "text/plain; charset=UTF-8");
  }

  /** A notification signed with a key of our own (not the sandbox's). */
  private static JsonObject forged(String customer, String certificateUrl, String topic)
      throws Exception {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var key = generator.generateKeyPair();
    String message =
        "{\"action\": \"unsubscribe-success\", \"customer-identifier\": \""
            + customer
            + "\", \"product-code\": \"billing-center-product\"}";
    String id = UUID.randomUUID().toString();
    String timestamp = "2026-11-26T10:00:00.000Z";
    String canonical =
        "Message\n"
            + message
            + "\nMessageId\n"
            + id
            + "\nTimestamp\n"
            + timestamp
            + "\nTopicArn\n"
            + topic
            + "\nType\nNotification\n";
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key.getPrivate());
    signer.update(canonical.getBytes(StandardCharsets.UTF_8));
    return JsonText.PROVIDER
        .createObjectBuilder()
        .add("Type", "Notification")
        .add("MessageId", id)
        .add("TopicArn", topic)
        .add("Message", message)
        .add("Timestamp", timestamp)
        .add("SignatureVersion", "2")
        .add("Signature", Base64.getEncoder().encodeToString(signer.sign()))
        .add("SigningCertURL", certificateUrl)
        .build();
  }

  @Test
  void legacyBuyersUnsubscriptionOverSnsLocksTheirWorkspaces() throws Exception {
    String user = Http.register(server, Http.uniqueName("sns"), PASSWORD);
    JsonObject buyer = SandboxBuyers.newBuyer(server, true);
    long aws =
        Database.registerAwsAccount(
            server,
            user,
            buyer.getString("awsAccountId"),
            "customer:" + buyer.getString("customerIdentifier"));
    long workspace = WorkspaceCalls.create(server, user, PASSWORD, "Legacy", "ap1", "en");
    WorkspaceCalls.settleByAws(server, user, PASSWORD, workspace, aws);

    String ended = SandboxBuyers.unsubscribe(server, buyer);
    assertTrue(ended.contains("\"lockedWorkspaces\":1"), ended);
    var locked = Http.json(Http.get(server.uri("/api/v1/workspaces/" + workspace), user, PASSWORD));
    assertEquals("locked", locked.getString("status"), locked.toString());
  }

  /**
   * A buyer of a listing that predates licenses: ResolveCustomer gives its license ARN and its
   * customer identifier (AWS Marketplace API reference, ResolveCustomer), and that listing's SNS
   * notifications name the customer identifier only ("SaaS notifications (SNS)"). The account keeps
   * both, so the unsubscription over SNS finds it and locks, rather than waiting for ever.
   */
  @Test
  void anOlderListingsBuyerWithALicenseIsFoundByItsCustomerIdentifierOverSns() throws Exception {
    JsonObject buyer = SandboxBuyers.newBuyer(server, "\"olderListing\": true");
    HttpResponse<String> fulfilled = SandboxBuyers.fulfill(server, buyer);
    assertEquals(303, fulfilled.statusCode(), fulfilled.body());
    String user = Http.register(server, Http.uniqueName("older"), PASSWORD);
    long aws = Database.bindAsTheSetUpPageDoes(server, user, buyer.getString("licenseArn"), "aws");
    long workspace = WorkspaceCalls.create(server, user, PASSWORD, "Older listing", "us1", "en");
    WorkspaceCalls.settleByAws(server, user, PASSWORD, workspace, aws);

    String ended = SandboxBuyers.unsubscribe(server, buyer);
    assertTrue(ended.contains("\"lockedWorkspaces\":1"), ended);
    var locked = Http.json(Http.get(server.uri("/api/v1/workspaces/" + workspace), user, PASSWORD));
    assertEquals("locked", locked.getString("status"), locked.toString());
  }

  @Test
  void forgedChangedMisdirectedOrMalformedMessagesAreRefusedAndChangeNothing() throws Exception {
    String user = Http.register(server, Http.uniqueName("snsbad"), PASSWORD);
    JsonObject buyer = SandboxBuyers.newBuyer(server, true);
    String customer = buyer.getString("customerIdentifier");
    long aws =
        Database.registerAwsAccount(
            server, user, buyer.getString("awsAccountId"), "customer:" + customer);
    long workspace = WorkspaceCalls.create(server, user, PASSWORD, "Kept", "us1", "en");
    WorkspaceCalls.settleByAws(server, user, PASSWORD, workspace, aws);

    String topic = BillingCenterServer.SNS_TOPIC;
    String pinned = BillingCenterServer.SNS_CERTIFICATE_URL;
    // Signed by another key, for the sandbox's certificate URL: the signature does not verify.
    assertEquals(403, post(forged(customer, pinned, topic).toString()).statusCode());
    // A certificate on another host, or over plain HTTP: never fetched, refused.
    assertEquals(
        400,
        post(forged(customer, "https://evil.example.com/cert.pem", topic).toString()).statusCode());
    assertEquals(
        400,
        post(forged(customer, pinned.replace("https:", "http:"), topic).toString()).statusCode());
    // An unknown topic.
    assertEquals(
        403,
        post(forged(customer, pinned, "arn:aws:sns:us-east-1:1:someone-else").toString())
            .statusCode());
    // Missing fields, malformed JSON, not JSON text, a huge body, a GET.
    JsonObject withoutSignature =
        JsonText.PROVIDER
            .createObjectBuilder(forged(customer, pinned, topic))
            .remove("Signature")
            .build();
    assertEquals(400, post(withoutSignature.toString()).statusCode());
    assertEquals(400, post("{\"Type\": ").statusCode());
    assertEquals(400, post("[1, 2]").statusCode());
    assertEquals(415, post("{}", "application/x-www-form-urlencoded").statusCode());
    assertEquals(413, post("{\"x\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}").statusCode());
    assertEquals(405, Http.get(server.uri("/marketplace/aws/sns")).statusCode());

    // A subscription confirmation whose SubscribeURL is not an AWS host is refused unfetched
    // (it is signed by a stranger, too: the signature check comes first either way).
    JsonObject confirmation =
        JsonText.PROVIDER
            .createObjectBuilder(forged(customer, pinned, topic))
            .add("Type", "SubscriptionConfirmation")
            .add("Token", "t")
            .add("SubscribeURL", server.uri("/aws-sandbox/health").toString())
            .build();
    assertEquals(403, post(confirmation.toString()).statusCode());

    var kept = Http.json(Http.get(server.uri("/api/v1/workspaces/" + workspace), user, PASSWORD));
    assertEquals("active", kept.getString("status"), "nothing changed: " + kept);
    assertEquals(
        0, Http.json(Http.get(server.uri("/api/v1/notices"), user, PASSWORD)).getInt("total"));
  }

  @Test
  void aSignedConfirmationWhoseSubscribeUrlIsNotAnAwsHostIsNeverFetched() {
    String subscribeUrl = server.uri("/aws-sandbox/api/sns/subscribe").toString();
    var sent =
        Http.postJson(
            server.uri(
                "/aws-sandbox/api/sns/confirmation?subscribeUrl="
                    + java.net.URLEncoder.encode(subscribeUrl, StandardCharsets.UTF_8)),
            "");
    assertEquals(200, sent.statusCode(), sent.body());
    assertEquals(400, Http.json(sent).getInt("status"), sent.body());
    assertTrue(Http.json(sent).getString("answer").contains("SubscribeURL"), sent.body());
    assertEquals(
        0,
        Http.json(Http.get(server.uri("/aws-sandbox/api/sns/subscribe/count"))).getInt("visits"),
        "the seller never fetched it");
  }

  @Test
  void subscribeFailMarksTheCloudAccountFailed() throws Exception {
    String user = Http.register(server, Http.uniqueName("snsfail"), PASSWORD);
    JsonObject buyer = SandboxBuyers.newBuyer(server, true);
    Database.registerAwsAccount(
        server,
        user,
        buyer.getString("awsAccountId"),
        "customer:" + buyer.getString("customerIdentifier"));
    var failed =
        Http.postJson(
            server.uri(
                "/aws-sandbox/api/buyers/" + buyer.getString("awsAccountId") + "/subscribe-fail"),
            "");
    assertEquals(200, failed.statusCode(), failed.body());
    assertEquals(
        200,
        Http.json(failed).getJsonArray("deliveries").getJsonObject(0).getInt("status"),
        failed.body());
    JsonArray accounts =
        Http.jsonArray(Http.get(server.uri("/api/v1/cloud-accounts"), user, PASSWORD));
    assertEquals("failed", accounts.getJsonObject(0).getString("status"), accounts.toString());
  }
}
