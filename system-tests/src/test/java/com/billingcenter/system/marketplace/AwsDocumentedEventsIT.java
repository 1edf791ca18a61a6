package com.billingcenter.system.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SandboxBuyers;
import com.billingcenter.system.support.WorkspaceCalls;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite's EventBridge part: the Seller Guide's own example events ("Amazon
 * EventBridge events", Events for agreements and Events for licenses; files under {@code
 * ejb-module/src/test/resources/aws-documented/eventbridge}, each naming its page) replayed against
 * the running endpoint, with our licence, agreement and product in place of the examples' and
 * everything else as AWS prints it, the licence ARN's missing {@code arn:} prefix included.
 */
@Order(2)
class AwsDocumentedEventsIT {

  private static final String PASSWORD = "Billing-center-2026";

  /** The examples' ids, which each replay puts ours in place of. */
  private static final String EXAMPLE_EVENT = "12345678-1234-1234-1234-123456789012";

  private static final String EXAMPLE_TIME = "2024-08-30T21:36:03Z";
  private static final String EXAMPLE_AGREEMENT = "agmt-4mwg1nevbokzw95eca5797ixs";
  private static final String EXAMPLE_RENEWAL = "agmt-newrenewalagreementid";
  private static final String EXAMPLE_LICENSE =
      "aws:license-manager:us-east-1:123456789012:l-e52ca6f38bf84d0fafb8802ca15ac11x";
  private static final String EXAMPLE_PRODUCT = "aw4fgf5tyo5w2ap6fEXAMPLE";

  private final BillingCenterServer server = BillingCenterServer.shared();

  /** A buyer in the sandbox that sends no events of its own: these tests send AWS's. */
  private JsonObject quietBuyer() {
    return SandboxBuyers.newBuyer(server, "\"sendEvents\": false");
  }

  /** One documented example with our ids. */
  private static String replay(
      String file, JsonObject buyer, String agreement, String renewal, Instant time) {
    String licenseId = AwsLicenses.key(buyer.getString("licenseArn"), null);
    String payload;
    try {
      JsonObject documented =
          jakarta.json.Json.createReader(
                  new java.io.StringReader(
                      Files.readString(
                          Path.of(System.getProperty("aws.documented.dir"), "eventbridge", file))))
              .readObject();
      assertTrue(documented.getString("source").startsWith("https://docs.aws.amazon.com/"));
      payload = documented.getJsonObject("payload").toString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return payload
        .replace(EXAMPLE_EVENT, UUID.randomUUID().toString())
        .replace(EXAMPLE_TIME, time.toString())
        .replace(EXAMPLE_RENEWAL, renewal == null ? EXAMPLE_RENEWAL : renewal)
        .replace(EXAMPLE_AGREEMENT, agreement)
        .replace(
            EXAMPLE_LICENSE,
            "aws:license-manager:us-east-1:" + buyer.getString("awsAccountId") + ":" + licenseId)
        .replace(EXAMPLE_PRODUCT, "billing-center-product");
  }

  private JsonObject deliver(String event) {
    HttpResponse<String> answer =
        Http.send(
            HttpRequest.newBuilder(server.uri("/marketplace/aws/events"))
                .header("Content-Type", "application/json")
                .header("X-Marketplace-Events-Secret", BillingCenterServer.EVENTS_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(event)));
    assertEquals(200, answer.statusCode(), answer.body());
    return Http.json(answer);
  }

  private JsonObject get(String user, String path) {
    HttpResponse<String> response = Http.get(server.uri(path), user, PASSWORD);
    assertEquals(200, response.statusCode(), response.body());
    return Http.json(response);
  }

  private JsonObject cloudAccount(String user) {
    return Http.jsonArray(Http.get(server.uri("/api/v1/cloud-accounts"), user, PASSWORD))
        .getJsonObject(0);
  }

  /** The events of an agreement that still wait for their cloud account: their detail types. */
  private java.util.List<String> waitingEvents(String agreement) throws Exception {
    try (Connection db = Database.connect(server);
        PreparedStatement query =
            db.prepareStatement(
                "select change_kind, message_id from marketplace_event"
                    + " where cloud_account_id is null and agreement_id = ? order by id")) {
      query.setString(1, agreement);
      java.util.List<String> waiting = new java.util.ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          waiting.add(row.getString(1) + " " + row.getString(2));
        }
      }
      return waiting;
    }
  }

  @Test
  void theGuidesEventsSubscribeLinkAndThenLockWhenTheAgreementIsCancelled() throws Exception {
    JsonObject buyer = quietBuyer();
    String agreement = "agmt-" + UUID.randomUUID().toString().replace("-", "").substring(0, 25);
    Instant subscribed =
        Instant.now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    // Before the buyer sets up the account: AWS sends the agreement, then its license.
    JsonObject created =
        deliver(
            replay("purchase-agreement-created-proposer.json", buyer, agreement, null, subscribed));
    assertEquals("WAITING", created.getString("outcome"), "recorded, to apply on registration");
    JsonObject linked =
        deliver(
            replay(
                "license-updated-manufacturer.json",
                buyer,
                agreement,
                null,
                subscribed.plusSeconds(1)));
    assertEquals("WAITING", linked.getString("outcome"), linked.toString());
    assertEquals(2, waitingEvents(agreement).size(), waitingEvents(agreement).toString());

    // The buyer clicks Set up your account: the waiting events are applied to the new account.
    HttpResponse<String> fulfilled = SandboxBuyers.fulfill(server, buyer);
    assertEquals(303, fulfilled.statusCode(), fulfilled.body());
    assertEquals(
        java.util.List.of(), waitingEvents(agreement), "applied when the license registered");

    String user = Http.register(server, Http.uniqueName("guide"), PASSWORD);
    Database.bindAsTheSetUpPageDoes(server, user, buyer.getString("licenseArn"), "aws");
    long aws = cloudAccount(user).getJsonNumber("id").longValue();
    long english = WorkspaceCalls.create(server, user, PASSWORD, "Guide EN", "us1", "en");
    long chinese = WorkspaceCalls.create(server, user, PASSWORD, "指南", "eu1", "zh");
    WorkspaceCalls.settleByAws(server, user, PASSWORD, english, aws);
    WorkspaceCalls.settleByAws(server, user, PASSWORD, chinese, aws);

    // The customer cancels: Ended - Proposer (CANCELLED), then License Deprovisioned 30 s later.
    Instant cancelled = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    JsonObject ended =
        deliver(
            replay("purchase-agreement-ended-proposer.json", buyer, agreement, null, cancelled));
    assertEquals("CHANGED", ended.getString("outcome"), ended.toString());
    assertEquals(2, ended.getInt("lockedWorkspaces"), "found through the agreement's license");
    JsonObject deprovisioned =
        deliver(
            replay(
                "license-deprovisioned-manufacturer.json",
                buyer,
                agreement,
                null,
                cancelled.plusSeconds(30)));
    assertEquals("UNCHANGED", deprovisioned.getString("outcome"), deprovisioned.toString());
    for (long id : new long[] {english, chinese}) {
      assertEquals("locked", get(user, "/api/v1/workspaces/" + id).getString("status"));
    }
    JsonObject account = cloudAccount(user);
    assertEquals("ended", account.getString("status"), account.toString());
    assertEquals(
        cancelled.plusSeconds(30).plusSeconds(3600).toString(),
        account.getString("finalMeteringUntil"),
        "the final window runs an hour from the deprovisioning");
    assertEquals(2, get(user, "/api/v1/notices").getInt("total"));
  }

  @Test
  void aRenewedAgreementLocksNothingAndItsSuccessorCarriesTheAccountOn() throws Exception {
    JsonObject buyer = quietBuyer();
    String user = Http.register(server, Http.uniqueName("renew"), PASSWORD);
    long aws =
        Database.registerAwsAccount(
            server, user, buyer.getString("awsAccountId"), buyer.getString("licenseArn"));
    long workspace = WorkspaceCalls.create(server, user, PASSWORD, "Renewed", "us1", "en");
    WorkspaceCalls.settleByAws(server, user, PASSWORD, workspace, aws);
    String first = "agmt-" + UUID.randomUUID().toString().replace("-", "").substring(0, 25);
    String second = "agmt-" + UUID.randomUUID().toString().replace("-", "").substring(0, 25);
    Instant t = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    assertEquals(
        "UNCHANGED",
        deliver(replay("license-updated-manufacturer.json", buyer, first, null, t))
            .getString("outcome"),
        "the license's first agreement is linked");

    // The renewal: the old agreement ends RENEWED, the new one is created with intent RENEW.
    String renewed =
        replay("purchase-agreement-ended-manufacturer.json", buyer, first, null, t.plusSeconds(5))
            .replace("CANCELLED", "RENEWED");
    JsonObject carriedOn = deliver(renewed);
    assertEquals("UNCHANGED", carriedOn.getString("outcome"), "carried on: " + carriedOn);
    assertEquals(0, carriedOn.getInt("lockedWorkspaces"), carriedOn.toString());
    JsonObject carried =
        deliver(
            replay(
                "purchase-agreement-created-proposer-renew.json",
                buyer,
                first,
                second,
                t.plusSeconds(6)));
    assertEquals("UNCHANGED", carried.getString("outcome"), "the new agreement found the account");
    assertEquals("active", get(user, "/api/v1/workspaces/" + workspace).getString("status"));
    assertEquals("active", cloudAccount(user).getString("status"));

    // Ending the new agreement ends the subscription.
    JsonObject ended =
        deliver(
            replay(
                "purchase-agreement-ended-proposer.json", buyer, second, null, t.plusSeconds(50)));
    assertEquals(1, ended.getInt("lockedWorkspaces"), ended.toString());
  }

  /**
   * The sandbox renews and then replaces a registered buyer's agreement, each with a new license,
   * its events sent to the endpoint over HTTP in the order that would lock a customer who trusted
   * one (the old license's deprovisioning first, the ended agreement last); then a cancel.
   */
  @Test
  void theSandboxsRenewalAndReplacementWithNewLicensesLockNothingAndACancelLocks()
      throws Exception {
    JsonObject buyer = SandboxBuyers.newBuyer(server, false);
    HttpResponse<String> fulfilled = SandboxBuyers.fulfill(server, buyer);
    assertEquals(303, fulfilled.statusCode(), fulfilled.body());
    String user = Http.register(server, Http.uniqueName("renewed"), PASSWORD);
    Database.bindAsTheSetUpPageDoes(server, user, buyer.getString("licenseArn"), "aws");
    long aws = cloudAccount(user).getJsonNumber("id").longValue();
    long workspace = WorkspaceCalls.create(server, user, PASSWORD, "Renewed twice", "us1", "en");
    WorkspaceCalls.settleByAws(server, user, PASSWORD, workspace, aws);

    String license = buyer.getString("licenseArn");
    for (String kind : new String[] {"renewal", "replacement"}) {
      HttpResponse<String> renewed =
          Http.postJson(
              server.uri(
                  "/aws-sandbox/api/buyers/"
                      + buyer.getString("awsAccountId")
                      + "/renewal?newLicense=true&replace="
                      + kind.equals("replacement")
                      + "&order=deprovisioned,updated,created,ended"),
              "{}");
      assertEquals(200, renewed.statusCode(), renewed.body());
      JsonObject answer = Http.json(renewed);
      for (JsonObject delivery : answer.getJsonArray("deliveries").getValuesAs(JsonObject.class)) {
        assertEquals(200, delivery.getInt("status"), kind + ": " + delivery);
      }
      assertEquals(license, answer.getString("formerLicenseArn"));
      license = answer.getString("licenseArn");
      JsonObject account = cloudAccount(user);
      assertEquals("active", account.getString("status"), kind + ": " + account);
      assertEquals(license, account.getString("licenseArn"), kind + ": carried on");
      assertEquals(
          "active", get(user, "/api/v1/workspaces/" + workspace).getString("status"), kind);
    }
    assertEquals(0, get(user, "/api/v1/notices").getInt("total"), "nothing to tell");

    // The cancel happens after the replacement's agreement was created (its time is the
    // replacement's + 2 s; events are timed to the second).
    Thread.sleep(3000);
    String cancelled = SandboxBuyers.unsubscribe(server, buyer);
    assertTrue(cancelled.contains("\"lockedWorkspaces\":1"), cancelled);
    assertEquals("locked", get(user, "/api/v1/workspaces/" + workspace).getString("status"));
  }

  /**
   * The Seller Guide's "Purchase Agreement Ending - Proposer" (180 ... 30 days before an end)
   * becomes one notice and one mail to the owner per count of days, in their language, saying
   * whether the agreement renews by itself; a redelivery, or an older warning, tells nothing again.
   */
  @Test
  void theGuidesEndingWarningBecomesOneNoticeAndMailPerCountOfDays() throws Exception {
    JsonObject buyer = quietBuyer();
    String user = Http.register(server, Http.uniqueName("ending"), PASSWORD);
    Database.registerAwsAccount(
        server, user, buyer.getString("awsAccountId"), buyer.getString("licenseArn"));
    WorkspaceCalls.create(server, user, PASSWORD, "协议", "eu1", "zh");
    String agreement = "agmt-" + UUID.randomUUID().toString().replace("-", "").substring(0, 25);
    Instant t = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    deliver(replay("license-updated-manufacturer.json", buyer, agreement, null, t));

    String warning = replay("purchase-agreement-ending-proposer.json", buyer, agreement, null, t);
    assertEquals("ANNOUNCED", deliver(withNewId(warning)).getString("outcome"));
    assertEquals(
        "UNCHANGED",
        deliver(withNewId(warning)).getString("outcome"),
        "the same count of days again");
    JsonObject notices = get(user, "/api/v1/notices");
    assertEquals(1, notices.getInt("total"), notices.toString());
    JsonObject notice = notices.getJsonArray("items").getJsonObject(0);
    assertEquals("zh", notice.getString("language"), "the language of the owner's workspaces");
    assertTrue(notice.getString("body").contains("自动续订"), notice.toString());
    assertTrue(notice.getString("body").contains("180"), notice.toString());

    String lastWarning =
        warning
            .replace("\"daysBeforeEndTime\":180", "\"daysBeforeEndTime\":30")
            .replace("\"autoRenewalEnabled\":true", "\"autoRenewalEnabled\":false");
    assertEquals("ANNOUNCED", deliver(withNewId(lastWarning)).getString("outcome"));
    assertEquals(
        "UNCHANGED",
        deliver(withNewId(warning)).getString("outcome"),
        "an older warning arriving late");
    assertEquals(2, get(user, "/api/v1/notices").getInt("total"));
    // Mailed too, once each: the 30-day one says it does not renew by itself.
    String address = user + "@example.com";
    assertTrue(
        com.billingcenter.system.support.Mails.await(server, address, "不会自动续订").contains("30"));
    assertEquals(
        2,
        com.billingcenter.system.support.Mails.to(server, address, buyer.getString("awsAccountId"))
            .size());

    // An agreement no license event linked: nobody to tell, acknowledged all the same.
    assertEquals(
        "UNKNOWN",
        deliver(withNewId(warning.replace(agreement, "agmt-nobodyknowsthisone1234")))
            .getString("outcome"));
  }

  /** The event with a new id (a new warning, not a redelivery). */
  private static String withNewId(String event) {
    JsonObject parsed =
        jakarta.json.Json.createReader(new java.io.StringReader(event)).readObject();
    return event.replace(parsed.getString("id"), UUID.randomUUID().toString());
  }

  @Test
  void aMessageThatCrossedItsBuyersRegistrationFindsItsAccountWithinAMinute() throws Exception {
    JsonObject buyer = quietBuyer();
    String agreement = "agmt-" + UUID.randomUUID().toString().replace("-", "").substring(0, 25);
    Instant t = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    assertEquals(
        "WAITING",
        deliver(replay("license-updated-manufacturer.json", buyer, agreement, null, t))
            .getString("outcome"));
    // The account appears without a registration that would apply the message (as when the
    // two transactions crossed): the schedule that runs every minute finds them.
    String user = Http.register(server, Http.uniqueName("crossed"), PASSWORD);
    Database.registerAwsAccount(
        server, user, buyer.getString("awsAccountId"), buyer.getString("licenseArn"));
    new org.openqa.selenium.support.ui.FluentWait<>(agreement)
        .withTimeout(java.time.Duration.ofSeconds(100))
        .pollingEvery(java.time.Duration.ofSeconds(2))
        .until(a -> waitingEventsUnchecked(a).isEmpty());
  }

  private java.util.List<String> waitingEventsUnchecked(String agreement) {
    try {
      return waitingEvents(agreement);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
