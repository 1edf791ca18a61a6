package com.billingcenter.system.bill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SandboxBuyers;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/cloud-accounts/{id}/reconciliation}: the statement of a month as JSON and as
 * CSV (its content is {@code ReconciliationArquillianIT}'s); a malformed month, a month outside the
 * account's life and another's account are refused with a clear 4xx, and nothing is issued.
 */
class ReconciliationApiIT {

  private static final String PASSWORD = "Billing-center-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private long cloudAccountOf(String user) {
    return Http.jsonArray(Http.get(server.uri("/api/v1/cloud-accounts"), user, PASSWORD))
        .getJsonObject(0)
        .getJsonNumber("id")
        .longValue();
  }

  private URI statement(long account, String query) {
    return server.uri("/api/v1/cloud-accounts/" + account + "/reconciliation" + query);
  }

  @Test
  void theStatementOfThisMonthIsServedAsJsonAndCsv() throws Exception {
    String user =
        SandboxBuyers.customer(
            server, "recon", "{\"pricing\": \"subscription\", \"currency\": \"EUR\"}", PASSWORD);
    long account = cloudAccountOf(user);
    String month = YearMonth.now(ZoneOffset.UTC).toString();

    HttpResponse<String> json = Http.get(statement(account, ""), user, PASSWORD);
    assertEquals(200, json.statusCode(), json.body());
    JsonObject body = Http.json(json);
    assertEquals(month, body.getString("month"));
    assertEquals("in-progress", body.getString("status"));
    assertEquals(account, body.getJsonNumber("cloudAccountId").longValue());
    assertTrue(body.containsKey("closesAt") && body.containsKey("lines"), body.toString());

    HttpResponse<String> csv =
        Http.send(
            HttpRequest.newBuilder(statement(account, "?month=" + month))
                .header("Authorization", Http.basic(user, PASSWORD))
                .header("Accept", "text/csv"));
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(
        csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
        csv.headers().toString());
    assertTrue(
        csv.body().startsWith("month,cloud_account_id,hour,dimension,metering_record_id,"),
        csv.body());
  }

  @Test
  void badMonthsAndAnothersAccountAreRefused() throws Exception {
    String user =
        SandboxBuyers.customer(server, "recon", "{\"pricing\": \"subscription\"}", PASSWORD);
    String other =
        SandboxBuyers.customer(server, "recon", "{\"pricing\": \"subscription\"}", PASSWORD);
    long account = cloudAccountOf(user);
    for (String query : new String[] {"?month=2026-13", "?month=%27%3B--", "?month=1999-01"}) {
      HttpResponse<String> refused = Http.get(statement(account, query), user, PASSWORD);
      assertEquals(400, refused.statusCode(), query + ": " + refused.body());
      assertTrue(refused.body().contains("month"), refused.body());
      Http.assertNoStackTrace(refused.body());
    }
    HttpResponse<String> anothers = Http.get(statement(account, ""), other, PASSWORD);
    assertEquals(404, anothers.statusCode(), anothers.body());
    HttpResponse<String> anonymous = Http.get(statement(account, ""));
    assertEquals(401, anonymous.statusCode(), anonymous.body());
  }
}
