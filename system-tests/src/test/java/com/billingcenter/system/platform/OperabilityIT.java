package com.billingcenter.system.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** What an operator and an anonymous visitor see of the running Billing Center. */
class OperabilityIT {

  private final BillingCenterServer server = BillingCenterServer.shared();

  @Test
  void versionIsPublicJson() {
    var response = Http.get(server.uri("/api/v1/version"));
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("1", Http.json(response).getString("api"));
  }

  @Test
  void healthIsUpWithTheDatabaseCheck() {
    var health = Http.get(server.uri("/health"));
    assertEquals(200, health.statusCode());
    var json = Http.json(health);
    assertEquals("UP", json.getString("status"));
    assertTrue(health.body().contains("\"name\":\"database\""), health.body());
    String expected =
        System.getProperty("it.db.url", "").startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";
    assertTrue(health.body().contains("\"product\":\"" + expected + "\""), health.body());
  }

  @Test
  void openApiDescribesEveryEndpointOfTheApplicationOnly() {
    var openapi = Http.get(server.uri("/openapi"));
    assertEquals(200, openapi.statusCode());
    String document = openapi.body();
    assertTrue(document.contains("/api/v1/account:"), document);
    assertTrue(document.contains("/api/v1/accounts:"), document);
    assertTrue(document.contains("summary: The calling account"), document);
    assertTrue(document.contains("summary: Register an account"), document);
    assertFalse(document.contains("/api/buyers"), "the sandbox is not part of the API");
  }

  @Test
  void anonymousVisitorIsLedToTheLoginPage() {
    var root = Http.get(server.uri("/"));
    assertEquals(302, root.statusCode());
    assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
    var login = Http.get(server.uri("/login.xhtml"));
    assertEquals(200, login.statusCode());
    assertTrue(login.body().contains("Log in to the Billing Center"));
    assertTrue(login.body().contains("?lang=zh"), "the page offers the language switch");
  }

  @Test
  void loginPageFollowsTheBrowsersLanguage() {
    var chinese =
        Http.send(
            HttpRequest.newBuilder(server.uri("/login.xhtml"))
                .header("Accept-Language", "zh-CN,zh;q=0.9"));
    assertTrue(chinese.body().contains("登录费用中心"), chinese.body());
    assertTrue(chinese.body().contains("lang=\"zh-CN\""));
    var english =
        Http.send(
            HttpRequest.newBuilder(server.uri("/login.xhtml"))
                .header("Accept-Language", "en-US,en;q=0.9"));
    assertTrue(english.body().contains("Log in to the Billing Center"));
  }

  @Test
  void unknownAddressGetsANotFoundPageWithoutAStackTrace() {
    var page = Http.get(server.uri("/no-such-page"));
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("Page not found"), page.body());
    Http.assertNoStackTrace(page.body());
  }

  @Test
  void pagesCarrySecurityHeaders() {
    var login = Http.get(server.uri("/login.xhtml"));
    assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
    assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(
        login
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("frame-ancestors"));
    assertTrue(
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID"))
            .allMatch(c -> c.contains("HttpOnly")));
  }
}
