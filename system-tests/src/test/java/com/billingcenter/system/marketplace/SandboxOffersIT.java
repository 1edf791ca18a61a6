package com.billingcenter.system.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SandboxBuyers;
import com.billingcenter.system.support.WorkspaceCalls;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's ways to make a buyer of an agreement-based offer (its control API's {@code offer},
 * the listing's Subscribe form, a renewal) refuse what is not an offer with a clear 400 and make no
 * buyer of it, so a tester's typo is never mistaken for AWS's behaviour.
 */
class SandboxOffersIT {

  private final BillingCenterServer server = BillingCenterServer.shared();

  private static String newAwsAccountId() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
  }

  private boolean buyerExists(String awsAccountId) {
    return Http.get(server.uri("/aws-sandbox/api/buyers/" + awsAccountId + "/entitlements"))
            .statusCode()
        != 404;
  }

  @Test
  void malformedOffersAreRefusedAndMakeNoBuyer() {
    for (String offer :
        new String[] {
          "{\"pricing\": \"gift\"}",
          "{\"currency\": \"euro\"}",
          "{\"rates\": {\"DataPoints\": \"cheap\"}}",
          "{\"purchased\": {\"DataPoints\": \"many\"}}",
          "{\"startsAt\": \"tomorrow\"}"
        }) {
      String account = newAwsAccountId();
      HttpResponse<String> refused =
          Http.postJson(
              server.uri("/aws-sandbox/api/buyers"),
              "{\"awsAccountId\": \"" + account + "\", \"offer\": " + offer + "}");
      assertEquals(400, refused.statusCode(), offer + ": " + refused.body());
      Http.assertNoStackTrace(refused.body());
      assertTrue(!buyerExists(account), offer + " made a buyer");
    }
  }

  @Test
  void theListingsFormRefusesAMalformedOffer() {
    String account = newAwsAccountId();
    for (String fields :
        new String[] {
          "pricing=subscription&rate-DataPoints=abc",
          "pricing=contract&purchased-DataPoints=-x",
          "pricing=freeTrial&trialDays=soon",
          "pricing=subscription&startsOn=31.12.2026",
          "pricing=barter"
        }) {
      HttpResponse<String> refused =
          Http.send(
              HttpRequest.newBuilder(server.uri("/aws-sandbox/listing/subscribe"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "awsAccountId="
                              + URLEncoder.encode(account, StandardCharsets.UTF_8)
                              + "&"
                              + fields)));
      assertEquals(400, refused.statusCode(), fields + ": " + refused.body());
      assertTrue(refused.body().contains("Subscription failed"), refused.body());
      assertTrue(!buyerExists(account), fields + " made a buyer");
    }
  }

  @Test
  void aRenewalInAnOrderOfEventsAwsDoesNotSendIsRefused() {
    var buyer = SandboxBuyers.newBuyer(server, "\"sendEvents\": false");
    String account = buyer.getString("awsAccountId");
    HttpResponse<String> refused =
        Http.postJson(
            server.uri("/aws-sandbox/api/buyers/" + account + "/renewal?order=updated,exploded"),
            "");
    assertEquals(400, refused.statusCode(), refused.body());
    HttpResponse<String> unknown =
        Http.postJson(server.uri("/aws-sandbox/api/buyers/" + newAwsAccountId() + "/renewal"), "");
    assertEquals(404, unknown.statusCode(), unknown.body());
  }

  @Test
  void aTesterRenewsUnderANewLicenseFromYourMarketplaceSoftwareAndNothingLocks() throws Exception {
    String password = "Billing-center-2026";
    String user =
        SandboxBuyers.customer(server, "renew", "{\"pricing\": \"subscription\"}", password);
    var before =
        Http.jsonArray(Http.get(server.uri("/api/v1/cloud-accounts"), user, password))
            .getJsonObject(0);
    String license = before.getString("licenseArn");
    long workspace = WorkspaceCalls.create(server, user, password, "Renewed shop", "us1", "en");
    WorkspaceCalls.settleByAws(
        server, user, password, workspace, before.getJsonNumber("id").longValue());
    String account = license.replaceAll("^arn:aws:license-manager::(\\d{12}):.*$", "$1");
    HttpResponse<String> refused =
        form("/aws-sandbox/your-software/renewal", "account=" + account + "&kind=extend");
    assertEquals(400, refused.statusCode(), refused.body());

    // Manage → Renew, the worst order AWS's pages allow: the old license's end first.
    HttpResponse<String> renewed =
        form(
            "/aws-sandbox/your-software/renewal",
            "account="
                + account
                + "&kind=renew&newLicense=true"
                + "&order=deprovisioned%2Cupdated%2Ccreated%2Cended");
    assertEquals(200, renewed.statusCode(), renewed.body());
    assertTrue(renewed.body().contains("the seller answered 200"), renewed.body());
    var after =
        Http.jsonArray(Http.get(server.uri("/api/v1/cloud-accounts"), user, password))
            .getJsonObject(0);
    assertEquals("active", after.getString("status"), after.toString());
    assertTrue(!after.getString("licenseArn").equals(license), "the new license: " + after);
    var workspaces = Http.json(Http.get(server.uri("/api/v1/workspaces"), user, password));
    assertEquals(
        "active",
        workspaces.getJsonArray("items").getJsonObject(0).getString("status"),
        "nothing locked");
  }

  private HttpResponse<String> form(String path, String fields) {
    return Http.send(
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(fields)));
  }
}
