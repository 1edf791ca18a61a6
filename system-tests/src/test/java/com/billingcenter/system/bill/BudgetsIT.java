package com.billingcenter.system.bill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The budgets' API on the shared server: set, listed with the cost so far, removed; another
 * customer's budget is not found; bad input is a 400 that makes nothing.
 */
class BudgetsIT {

  private static final String PASSWORD = "Customer-2026-x";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private HttpResponse<String> delete(String user, long id) {
    return Http.send(
        HttpRequest.newBuilder(server.uri("/api/v1/budgets/" + id))
            .header("Authorization", Http.basic(user, PASSWORD))
            .DELETE());
  }

  @Test
  void aBudgetIsSetListedAndRemovedByItsOwnerOnly() {
    String ann = Http.register(server, Http.uniqueName("budgets"), PASSWORD);
    String bob = Http.register(server, Http.uniqueName("budgets"), PASSWORD);
    HttpResponse<String> set =
        Http.postJson(
            server.uri("/api/v1/budgets"),
            "{\"period\": \"month\", \"amount\": 150.5, \"currency\": \"usd\","
                + " \"billingItem\": \"data-points\"}",
            ann,
            PASSWORD);
    assertEquals(201, set.statusCode(), set.body());
    long id = Http.json(set).getJsonNumber("id").longValue();
    assertEquals("USD", Http.json(set).getString("currency"));
    String listed = Http.get(server.uri("/api/v1/budgets"), ann, PASSWORD).body();
    assertTrue(listed.contains("\"percent\":0") && listed.contains("data-points"), listed);
    assertEquals(404, delete(bob, id).statusCode(), "not Bob's");
    assertEquals(204, delete(ann, id).statusCode());
    assertEquals("[]", Http.get(server.uri("/api/v1/budgets"), ann, PASSWORD).body().strip());
  }

  @Test
  void aBadBudgetIsA400AndMakesNothing() {
    String ann = Http.register(server, Http.uniqueName("budgets"), PASSWORD);
    for (String[] bad :
        new String[][] {
          {"{\"period\": \"year\", \"amount\": 1, \"currency\": \"USD\"}", "budget.period"},
          {"{\"period\": \"day\", \"amount\": -1, \"currency\": \"USD\"}", "budget.amount"},
          {"{\"period\": \"day\", \"amount\": 1e20, \"currency\": \"USD\"}", "budget.amount"},
          {"{\"period\": \"day\", \"currency\": \"USD\"}", "budget.amount"},
          {"{\"period\": \"day\", \"amount\": 1, \"currency\": \"XYZ\"}", "budget.currency"},
          {"{\"period\": \"day\", \"amount\": \"ten\", \"currency\": \"USD\"}", "malformedBody"},
          {"{\"period\": ", "malformedBody"},
        }) {
      HttpResponse<String> refused =
          Http.postJson(server.uri("/api/v1/budgets"), bad[0], ann, PASSWORD);
      assertEquals(400, refused.statusCode(), bad[0] + " " + refused.body());
      assertEquals(bad[1], Http.json(refused).getString("error"), refused.body());
    }
    HttpResponse<String> notHers =
        Http.postJson(
            server.uri("/api/v1/budgets"),
            "{\"period\": \"day\", \"amount\": 1, \"currency\": \"USD\", \"workspaceId\": 999999}",
            ann,
            PASSWORD);
    assertEquals(404, notHers.statusCode(), notHers.body());
    assertEquals("[]", Http.get(server.uri("/api/v1/budgets"), ann, PASSWORD).body().strip());
  }
}
