package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.PageSession;
import com.billingcenter.system.support.SecurityPromise;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Page sessions end when the password changes: every other session of the account is signed out,
 * whichever way the password was changed (the API, or the Account page of another session), and the
 * session that changed it goes on. Plain HTTP with a cookie jar per session (no browser).
 */
@SecurityPromise
class SessionsIT {

  private static final String PASSWORD = "Sessions-test-2026";
  private static final String NEW_PASSWORD = "Sessions-new-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  @Test
  void aPasswordChangedThroughTheApiSignsOutEveryPageSession() throws Exception {
    String user = Http.register(server, Http.uniqueName("sess"), PASSWORD);
    PageSession laptop = new PageSession(server);
    PageSession phone = new PageSession(server);
    laptop.logIn(user, PASSWORD);
    phone.logIn(user, PASSWORD);
    var changed = Http.changePassword(server, user, PASSWORD, NEW_PASSWORD);
    assertEquals(204, changed.statusCode(), changed.body());
    assertEquals(false, laptop.signedIn(), "the laptop's session ends");
    assertEquals(false, phone.signedIn(), "so does the phone's");
    laptop.logIn(user, NEW_PASSWORD);
  }

  @Test
  void aPasswordChangedOnTheAccountPageSignsOutTheOtherSessionsOnly() throws Exception {
    String user = Http.register(server, Http.uniqueName("sess"), PASSWORD);
    PageSession mine = new PageSession(server);
    PageSession thief = new PageSession(server);
    mine.logIn(user, PASSWORD);
    thief.logIn(user, PASSWORD);
    mine.changePasswordOnTheAccountPage(PASSWORD, NEW_PASSWORD);
    assertTrue(mine.signedIn(), "the session that changed it goes on");
    assertEquals(false, thief.signedIn(), "the other one is signed out");
    assertEquals(200, Http.get(server.uri("/api/v1/account"), user, NEW_PASSWORD).statusCode());
  }

  @Test
  void signingInGivesTheSessionANewIdSoThatAPlantedOneIsWorthNothing() throws Exception {
    String user = Http.register(server, Http.uniqueName("sess"), PASSWORD);
    PageSession victim = new PageSession(server);
    victim.get("/login.xhtml?lang=en");
    String planted = victim.sessionId();
    assertTrue(!planted.isEmpty(), "the login page opened a session");
    victim.logIn(user, PASSWORD);
    String after = victim.sessionId();
    assertTrue(!after.isEmpty() && !after.equals(planted), planted + " -> " + after);
    // Someone who knew the id before the sign-in holds a session nobody signed into.
    var attacker = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    var page =
        attacker.send(
            HttpRequest.newBuilder(server.uri("/workspaces.xhtml"))
                .header("Cookie", "JSESSIONID=" + planted)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, page.statusCode(), "sent to the login page: " + page.body());
  }
}
