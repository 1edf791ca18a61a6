package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.BrowserSession;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.system.support.WorkspaceCalls;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The isolation probe: two customers, each with workspaces, a cloud account, usage and a bill. One
 * tries every API endpoint and page that takes an id with the other's ids (read, change, bind,
 * unlock, export): each attempt sees nothing of the other (the very answer a missing id gets) and
 * the other's data is the same before and after.
 */
@SecurityPromise
class IsolationIT {

  private static final String PASSWORD = "Isolation-test-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  @RegisterExtension final BrowserSession session = new BrowserSession();

  /** A customer's things. */
  private record Customer(
      String user, long workspace, long settled, long cloudAccount, String name) {}

  private Customer customer(String prefix) throws Exception {
    String user = Http.register(server, Http.uniqueName(prefix), PASSWORD);
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    long workspace = WorkspaceCalls.create(server, user, PASSWORD, name, "us1", "en");
    long settled = WorkspaceCalls.create(server, user, PASSWORD, name + "-aws", "eu1", "en");
    long cloud =
        Database.registerAwsAccount(
            server, user, Long.toString(100_000_000_000L + (long) (Math.random() * 1e9)));
    WorkspaceCalls.settleByAws(server, user, PASSWORD, settled, cloud);
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    for (long w : new long[] {workspace, settled}) {
      String site = w == workspace ? "us1" : "eu1";
      var reported =
          Http.send(
              HttpRequest.newBuilder(server.uri("/api/v1/usage"))
                  .header("X-Site-Key", BillingCenterServer.siteKey(site))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"records\": [{\"id\": \"iso-"
                              + UUID.randomUUID()
                              + "\", \"workspaceId\": "
                              + w
                              + ", \"billingItem\": \"traces\", \"hour\": \""
                              + hour
                              + "\", \"quantity\": 9}]}")));
      assertEquals(200, reported.statusCode(), reported.body());
    }
    return new Customer(user, workspace, settled, cloud, name);
  }

  private HttpResponse<String> get(Customer as, String path) {
    return Http.get(server.uri(path), as.user(), PASSWORD);
  }

  private HttpResponse<String> post(Customer as, String path, String json) {
    return Http.postJson(server.uri(path), json, as.user(), PASSWORD);
  }

  /** Everything the customer has, as the API shows it to them. */
  private List<String> snapshot(Customer c) {
    List<String> all = new ArrayList<>();
    for (String path :
        List.of(
            "/api/v1/workspaces",
            "/api/v1/workspaces/" + c.workspace(),
            "/api/v1/workspaces/" + c.settled(),
            "/api/v1/workspaces/" + c.workspace() + "/usage",
            "/api/v1/cloud-accounts",
            "/api/v1/bills",
            "/api/v1/audit",
            "/api/v1/notices")) {
      HttpResponse<String> response = get(c, path);
      assertEquals(200, response.statusCode(), path + ": " + response.body());
      all.add(path + " " + response.body());
    }
    return all;
  }

  private static void assertMissing(HttpResponse<String> response, String code, String what) {
    assertEquals(404, response.statusCode(), what + ": " + response.body());
    assertEquals(code, Http.json(response).getString("error"), what);
  }

  @Test
  void oneCustomerSeesAndChangesNothingOfAnother() throws Exception {
    Customer a = customer("isoa");
    Customer b = customer("isob");
    List<String> before = snapshot(b);

    // The API, with b's ids: the answers a missing id gets.
    long missing = 9_000_000_000_000L;
    for (long id : new long[] {b.workspace(), b.settled()}) {
      assertMissing(get(a, "/api/v1/workspaces/" + id), "workspace.notFound", "read " + id);
      assertEquals(
          Http.json(get(a, "/api/v1/workspaces/" + missing)).toString(),
          Http.json(get(a, "/api/v1/workspaces/" + id)).toString(),
          "exactly like a missing one");
      assertMissing(get(a, "/api/v1/workspaces/" + id + "/usage"), "workspace.notFound", "usage");
      assertMissing(
          get(a, "/api/v1/workspaces/" + id + "/settlement-options"), "workspace.notFound", "opts");
      assertMissing(
          post(a, "/api/v1/workspaces/" + id + "/settlement", "{\"method\": \"billing-center\"}"),
          "workspace.notFound",
          "change");
      assertMissing(
          post(a, "/api/v1/workspaces/" + id + "/commercial-plan", ""),
          "workspace.notFound",
          "plan");
    }
    assertMissing(
        get(a, "/api/v1/cloud-accounts/" + b.cloudAccount() + "/metering"),
        "cloudAccount.notFound",
        "ledger");
    // Bind a's own workspace to b's cloud account: refused, as for a missing account.
    HttpResponse<String> bind =
        post(
            a,
            "/api/v1/workspaces/" + a.workspace() + "/settlement",
            "{\"method\": \"aws\", \"cloudAccountId\": " + b.cloudAccount() + "}");
    assertTrue(bind.statusCode() >= 400 && bind.statusCode() < 500, bind.body());
    assertFalse(bind.body().contains(b.name()), bind.body());
    // Lists and exports hold nothing of b.
    for (String path :
        List.of(
            "/api/v1/workspaces",
            "/api/v1/workspaces?name=" + b.name(),
            "/api/v1/cloud-accounts",
            "/api/v1/bills",
            "/api/v1/audit",
            "/api/v1/notices")) {
      String body = get(a, path).body();
      assertFalse(body.contains(b.name()), path + ": " + body);
      // Audit entries and notices have ids of their own, which may equal b's: there, b's ids would
      // show as the entry's subject (of its type: a's account may have the number of b's
      // workspace) or the notice's workspace.
      boolean audit = path.startsWith("/api/v1/audit");
      String idField =
          audit
              ? "\"subjectId\":\""
              : path.startsWith("/api/v1/notices") ? "\"workspaceId\":" : "\"id\":";
      String workspaceSubject = audit ? "\",\"subjectType\":\"workspace\"" : "\\b";
      String cloudSubject = audit ? "\",\"subjectType\":\"cloudAccount\"" : "\\b";
      assertFalse(
          body.matches("(?s).*" + idField + b.settled() + workspaceSubject + ".*"),
          path + ": " + body);
      assertFalse(
          body.matches("(?s).*" + idField + b.cloudAccount() + cloudSubject + ".*"),
          path + ": " + body);
    }
    var csv =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/bills"))
                .header("Authorization", Http.basic(a.user(), PASSWORD))
                .header("Accept", "text/csv"));
    assertFalse(csv.body().contains(b.name()), csv.body());
    assertTrue(csv.body().contains(a.name()), "a's own export has a's lines: " + csv.body());

    // The pages, logged in as a, with b's ids.
    WebDriver browser = session.browser();
    assertEquals(
        "Workspace Management",
        session.logInToWorkspaces(server.uri("/login.xhtml?lang=en"), a.user(), PASSWORD));
    List<String> pages =
        List.of(
            "/locked.xhtml?id=" + b.settled(),
            "/workspaces.xhtml?unlock=" + b.settled(),
            "/metering.xhtml?cloudAccount=" + b.cloudAccount(),
            "/cloud-accounts.xhtml",
            "/bills.xhtml",
            "/audit.xhtml",
            "/notices.xhtml");
    for (String page : pages) {
      browser.get(server.uri(page).toString());
      session.heading();
      String source = browser.getPageSource();
      assertFalse(source.contains(b.name()), page + " shows b's workspace");
      assertFalse(
          source.contains("cloudAccount=" + b.cloudAccount()), page + " links b's cloud account");
    }
    browser.get(server.uri("/metering.xhtml?cloudAccount=" + b.cloudAccount()).toString());
    assertEquals(
        1,
        browser.findElements(By.id("not-found")).size(),
        "another's ledger is not found: " + session.heading());

    assertEquals(before, snapshot(b), "b's data is as it was");
    JsonObject stillSettled = Http.json(get(b, "/api/v1/workspaces/" + b.settled()));
    assertEquals(b.cloudAccount(), stillSettled.getJsonNumber("cloudAccountId").longValue());
  }
}
