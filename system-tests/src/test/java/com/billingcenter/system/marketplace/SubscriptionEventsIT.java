package com.billingcenter.system.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The EventBridge endpoint with the sandbox as AWS: unsubscribing locks every workspace the AWS
 * account settled, with a notice in each workspace's language; redeliveries and late events change
 * nothing; every bad request is refused and changes nothing; a new method unlocks.
 */
@SecurityPromise
class SubscriptionEventsIT {

  private static final String PASSWORD = "Billing-center-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private long create(String user, String name, String site, String language) {
    return WorkspaceCalls.create(server, user, PASSWORD, name, site, language);
  }

  private void settleBy(String user, long workspace, long cloudAccount) {
    WorkspaceCalls.settleByAws(server, user, PASSWORD, workspace, cloudAccount);
  }

  private HttpResponse<String> post(String user, String path, String json) {
    return Http.postJson(server.uri(path), json, user, PASSWORD);
  }

  private JsonObject get(String user, String path) {
    HttpResponse<String> response = Http.get(server.uri(path), user, PASSWORD);
    assertEquals(200, response.statusCode(), response.body());
    return Http.json(response);
  }

  private HttpResponse<String> deliver(String body, String secret, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri("/marketplace/aws/events"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header("X-Marketplace-Events-Secret", secret);
    }
    return Http.send(request);
  }

  private HttpResponse<String> deliver(String body) {
    return deliver(body, BillingCenterServer.EVENTS_SECRET, "application/json");
  }

  /**
   * An agreement event as the Seller Guide shows it ("Amazon EventBridge events", Events for
   * agreements): the agreement and no license.
   */
  static String agreementEvent(
      String id, String detailType, Instant time, String agreementId, String status) {
    return """
        {"version": "0", "id": "%s", "detail-type": "%s", "source": "aws.agreement-marketplace",
         "account": "000000000000", "time": "%s", "region": "us-east-1",
         "resources": ["arn:aws:aws-marketplace::aws:agreement:%s"],
         "detail": {"requestId": "%s", "catalog": "AWSMarketplace",
                    "agreement": {"id": "%s", "status": "%s"},
                    "acceptor": {"accountId": "845735284135"},
                    "proposer": {"accountId": "000000000000"}, "offer": {"id": "offer-1"}}}"""
        .formatted(id, detailType, time, agreementId, UUID.randomUUID(), agreementId, status);
  }

  /** A license event as the Seller Guide shows it (Events for licenses). */
  static String licenseEvent(
      String id, String detailType, Instant time, String agreementId, String licenseArn) {
    return """
        {"version": "0", "id": "%s", "detail-type": "%s", "source": "aws.agreement-marketplace",
         "account": "000000000000", "time": "%s", "region": "us-east-1",
         "resources": ["arn:aws:aws-marketplace::aws:agreement:%s"],
         "detail": {"requestId": "%s", "catalog": "AWSMarketplace",
                    "agreement": {"id": "%s"},
                    "product": {"code": "billing-center-product", "id": "prod-1"},
                    "license": {"arn": "%s"}, "acceptor": {"accountId": "845735284135"},
                    "proposer": {"accountId": "000000000000"}, "offer": {"id": "offer-1"}}}"""
        .formatted(id, detailType, time, agreementId, UUID.randomUUID(), agreementId, licenseArn);
  }

  private static String outcome(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return Http.json(response).getString("outcome");
  }

  @Test
  void unsubscribingLocksEveryWorkspaceOfTheAwsAccountWithANoticeInItsLanguage() throws Exception {
    String user = Http.register(server, Http.uniqueName("unsub"), PASSWORD);
    JsonObject buyer = SandboxBuyers.newBuyer(server, false);
    String licenseArn = buyer.getString("licenseArn");
    long aws =
        Database.registerAwsAccount(server, user, buyer.getString("awsAccountId"), licenseArn);
    long english = create(user, "Shop EN", "us1", "en");
    long chinese = create(user, "商店", "eu1", "zh");
    long untouched = create(user, "Direct", "us1", "en");
    settleBy(user, english, aws);
    settleBy(user, chinese, aws);

    String ended = SandboxBuyers.unsubscribe(server, buyer);
    assertTrue(ended.contains("\"lockedWorkspaces\":2"), ended);

    for (long id : new long[] {english, chinese}) {
      JsonObject workspace = get(user, "/api/v1/workspaces/" + id);
      assertEquals("locked", workspace.getString("status"), workspace.toString());
      assertEquals("none", workspace.getString("settlementMethod"), workspace.toString());
      assertTrue(workspace.containsKey("countdownEndsAt"), workspace.toString());
    }
    assertEquals("active", get(user, "/api/v1/workspaces/" + untouched).getString("status"));

    JsonArray notices = get(user, "/api/v1/notices").getJsonArray("items");
    assertEquals(2, notices.size(), notices.toString());
    JsonObject zh =
        notices.getValuesAs(JsonObject.class).stream()
            .filter(n -> n.getString("language").equals("zh"))
            .findFirst()
            .orElseThrow();
    JsonObject en =
        notices.getValuesAs(JsonObject.class).stream()
            .filter(n -> n.getString("language").equals("en"))
            .findFirst()
            .orElseThrow();
    assertEquals("工作空间“商店”已锁定", zh.getString("subject"));
    assertTrue(en.getString("body").contains(buyer.getString("awsAccountId")), en.toString());
    assertEquals("Workspace “Shop EN” is locked", en.getString("subject"));

    // Mailed too, to the login account (an e-mail address), once the change committed.
    String to = ("To: " + user + "@example.com").toLowerCase(java.util.Locale.ROOT);
    String mail =
        new org.openqa.selenium.support.ui.FluentWait<>(server.mail())
            .withTimeout(java.time.Duration.ofSeconds(20))
            .pollingEvery(java.time.Duration.ofMillis(200))
            .until(
                sink ->
                    sink.messages().stream()
                        .filter(m -> m.toLowerCase(java.util.Locale.ROOT).contains(to))
                        .filter(m -> m.contains("Shop EN"))
                        .findFirst()
                        .orElse(null));
    assertTrue(mail.contains("From: billing-center@example.org"), mail);
    assertTrue(mail.contains("Subject: "), mail);

    // A late "agreement created", older than the end, does not revive the account.
    String late = UUID.randomUUID().toString();
    String created =
        agreementEvent(
            late,
            "Purchase Agreement Created - Proposer",
            Instant.now().minusSeconds(3600),
            buyer.getString("agreementId"),
            "ACTIVE");
    assertEquals("OUTDATED", outcome(deliver(created)));
    assertEquals("DUPLICATE", outcome(deliver(created)), "a redelivery changes nothing");
    JsonArray cloudAccounts =
        Http.jsonArray(Http.get(server.uri("/api/v1/cloud-accounts"), user, PASSWORD));
    assertEquals(
        "ended", cloudAccounts.getJsonObject(0).getString("status"), cloudAccounts.toString());
    assertTrue(cloudAccounts.getJsonObject(0).containsKey("endedAt"), cloudAccounts.toString());
    assertTrue(
        cloudAccounts.getJsonObject(0).containsKey("finalMeteringUntil"), cloudAccounts.toString());

    // Unlock: the Billing Center account, although this month's change is used.
    HttpResponse<String> unlocked =
        post(
            user,
            "/api/v1/workspaces/" + english + "/settlement",
            "{\"method\": \"billing-center\"}");
    assertEquals(200, unlocked.statusCode(), unlocked.body());
    assertEquals("active", Http.json(unlocked).getString("status"));
    HttpResponse<String> backToEnded =
        post(
            user,
            "/api/v1/workspaces/" + chinese + "/settlement",
            "{\"method\": \"aws\", \"cloudAccountId\": " + aws + "}");
    assertEquals(4, backToEnded.statusCode() / 100, "an ended AWS account cannot settle again");
    assertEquals("locked", get(user, "/api/v1/workspaces/" + chinese).getString("status"));
  }

  @Test
  void aChangedContractsEntitlementsAreFetchedAndShown() throws Exception {
    String user = Http.register(server, Http.uniqueName("contract"), PASSWORD);
    JsonObject buyer = SandboxBuyers.newBuyer(server, false);
    String licenseArn = buyer.getString("licenseArn");
    Database.registerAwsAccount(server, user, buyer.getString("awsAccountId"), licenseArn);
    var entitled =
        Http.send(
            HttpRequest.newBuilder(
                    server.uri(
                        "/aws-sandbox/api/buyers/"
                            + buyer.getString("awsAccountId")
                            + "/entitlements"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "[{\"dimension\": \"users\", \"value\": 10,"
                            + " \"expirationDate\": \"2027-12-31T00:00:00Z\"}]")));
    assertEquals(200, entitled.statusCode(), entitled.body());
    String updated =
        licenseEvent(
            UUID.randomUUID().toString(),
            "License Updated - Manufacturer",
            // Later than the sandbox's own License Updated (its subscription + 1 s): never
            // OUTDATED.
            Instant.now().plusSeconds(5),
            buyer.getString("agreementId"),
            licenseArn);
    assertEquals("UNCHANGED", outcome(deliver(updated)), "the status stays");
    // GetEntitlements runs after the answer (EventBridge waits 5 s at most), in the background.
    JsonObject account =
        new org.openqa.selenium.support.ui.FluentWait<>(server)
            .withTimeout(java.time.Duration.ofSeconds(20))
            .pollingEvery(java.time.Duration.ofMillis(200))
            .until(
                s -> {
                  JsonObject first =
                      Http.jsonArray(Http.get(s.uri("/api/v1/cloud-accounts"), user, PASSWORD))
                          .getJsonObject(0);
                  return first.getJsonArray("entitlements").isEmpty() ? null : first;
                });
    JsonObject users = account.getJsonArray("entitlements").getJsonObject(0);
    assertEquals("users", users.getString("dimension"), account.toString());
    assertEquals("10", users.getString("value"), account.toString());
    assertEquals("2027-12-31T00:00:00Z", users.getString("expiresAt"), account.toString());
  }

  @Test
  void badRequestsAreRefusedAndChangeNothing() throws Exception {
    String user = Http.register(server, Http.uniqueName("evil"), PASSWORD);
    JsonObject buyer = SandboxBuyers.newBuyer(server, false);
    String licenseArn = buyer.getString("licenseArn");
    long aws =
        Database.registerAwsAccount(server, user, buyer.getString("awsAccountId"), licenseArn);
    long workspace = create(user, "Kept", "us1", "en");
    settleBy(user, workspace, aws);
    String ended =
        licenseEvent(
            UUID.randomUUID().toString(),
            "License Deprovisioned - Manufacturer",
            // Later than the sandbox's own License Updated (its subscription + 1 s): never
            // OUTDATED.
            Instant.now().plusSeconds(5),
            buyer.getString("agreementId"),
            licenseArn);

    assertEquals(401, deliver(ended, null, "application/json").statusCode(), "no secret");
    assertEquals(401, deliver(ended, "guess", "application/json").statusCode(), "wrong secret");
    assertEquals(415, deliver(ended, BillingCenterServer.EVENTS_SECRET, "text/plain").statusCode());
    assertEquals(400, deliver("{\"id\": ").statusCode(), "malformed JSON");
    assertEquals(400, deliver("[]").statusCode(), "not an object");
    assertEquals(400, deliver(ended.replace("\"time\"", "\"when\"")).statusCode(), "missing time");
    // Without its license it is still read by its agreement (issue 26); without both it is no
    // event of AWS's.
    assertEquals(
        400,
        deliver(ended.replace("\"license\"", "\"licence\"").replace("\"agreement\"", "\"deal\""))
            .statusCode(),
        "neither license nor agreement");
    assertEquals(400, deliver(ended.replace(licenseArn, "arn:aws:s3:::x")).statusCode(), "no ARN");
    // Answered 200 and ignored, not refused: EventBridge would not retry a 400 anyway.
    assertEquals(
        "IGNORED",
        outcome(deliver(ended.replace("billing-center-product", "someone-elses"))),
        "another product");
    // A license nobody registered yet waits for its buyer (200): never a 4xx EventBridge drops.
    HttpResponse<String> unknown =
        deliver(
            licenseEvent(
                UUID.randomUUID().toString(),
                "License Deprovisioned - Manufacturer",
                Instant.now(),
                "agmt-unknown" + UUID.randomUUID().toString().substring(0, 8),
                "arn:aws:license-manager::111122223333:license:l-unknown"));
    assertEquals("WAITING", outcome(unknown), unknown.body());
    String huge =
        ended.replace(
            "\"resources\": [", "\"resources\": [\"" + "x".repeat(10 * 1024 * 1024) + "\", ");
    assertEquals(413, deliver(huge).statusCode(), "a 10 MB body");
    assertEquals(405, Http.get(server.uri("/marketplace/aws/events")).statusCode());

    JsonObject kept = get(user, "/api/v1/workspaces/" + workspace);
    assertEquals("active", kept.getString("status"), kept.toString());
    assertEquals("aws", kept.getString("settlementMethod"));
    assertEquals(0, get(user, "/api/v1/notices").getInt("total"));

    assertEquals("CHANGED", outcome(deliver(ended)), "the same event, well formed, is applied");
  }
}
