package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.BrowserSession;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SecurityPromise;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Password guessing is slowed down: after five failed sign-ins with one user name from one address
 * (within 15 minutes) further sign-ins with that name from there are refused for 15 minutes, the
 * right password included, on the API (429 with Retry-After) and on the login page (a message); an
 * unknown user name is treated exactly the same, so the refusal tells nothing about which accounts
 * exist. The other limits (per address, per name from anywhere, registrations) and parallel
 * guesses: {@link ClientLimitsIT}.
 */
@SecurityPromise
class LoginThrottleIT {

  private static final String PASSWORD = "Throttle-test-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  @RegisterExtension final BrowserSession session = new BrowserSession();

  private HttpResponse<String> account(String user, String password) {
    return Http.get(server.uri("/api/v1/account"), user, password);
  }

  @Test
  void fiveFailuresRefuseTheNameForAWhileWhetherOrNotItExists() {
    String user = Http.register(server, Http.uniqueName("thr"), PASSWORD);
    String unknown = Http.uniqueName("nobody");
    String bystander = Http.register(server, Http.uniqueName("throk"), PASSWORD);
    for (String name : new String[] {user, unknown}) {
      for (int i = 0; i < 5; i++) {
        assertEquals(401, account(name, "wrong-" + i).statusCode());
      }
    }
    HttpResponse<String> refused = account(user, PASSWORD);
    assertEquals(429, refused.statusCode(), refused.body());
    assertEquals("login.throttled", Http.json(refused).getString("error"));
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 800 && retryAfter <= 900, "about 15 minutes: " + retryAfter);
    HttpResponse<String> unknownRefused = account(unknown, PASSWORD);
    assertEquals(429, unknownRefused.statusCode());
    assertEquals(
        Http.json(refused).getString("message"),
        Http.json(unknownRefused).getString("message"),
        "an unknown name gets the very same answer");
    assertEquals(200, account(bystander, PASSWORD).statusCode(), "others sign in as before");
  }

  @Test
  void theLoginPageSaysSo() {
    String user = Http.register(server, Http.uniqueName("thrpage"), PASSWORD);
    // From the browser's own address (which may be ::1 rather than 127.0.0.1).
    for (int i = 0; i < 5; i++) {
      session.logIn(server.uri("/login.xhtml?lang=en"), user, "wrong-" + i);
      String message = session.visible(By.id("login:messages")).getText();
      assertTrue(message.contains("not correct") || message.contains("Too many"), message);
    }
    session.logIn(server.uri("/login.xhtml?lang=en"), user, PASSWORD);
    String message = session.visible(By.id("login:messages")).getText();
    assertTrue(message.contains("Too many failed sign-ins"), message);
    assertEquals("Log in to the Billing Center", session.heading());
  }
}
