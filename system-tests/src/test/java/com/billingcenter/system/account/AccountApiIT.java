package com.billingcenter.system.account;

import static com.billingcenter.system.support.Http.assertNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Registration and HTTP Basic on {@code /api/v1}, including every kind of bad input. */
class AccountApiIT {

  private static final String PASSWORD = "Billing-center-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private String register(String username) {
    return Http.register(server, username, PASSWORD);
  }

  @Test
  void registeredAccountSeesItselfWithItsUserNameOrLoginAccount() {
    String username = register(Http.uniqueName("ann"));
    var byName = Http.get(server.uri("/api/v1/account"), username, PASSWORD);
    assertEquals(200, byName.statusCode());
    var json = Http.json(byName);
    assertEquals(username, json.getString("username"));
    assertEquals(username + "@example.com", json.getString("loginAccount"), "stored lower case");
    assertTrue(
        byName.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    var byLogin =
        Http.get(server.uri("/api/v1/account"), username.toUpperCase() + "@EXAMPLE.COM", PASSWORD);
    assertEquals(200, byLogin.statusCode());
  }

  @Test
  void callWithoutCredentialsGets401WithAJsonBody() {
    var response = Http.get(server.uri("/api/v1/account"));
    assertEquals(401, response.statusCode());
    assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertEquals("unauthorized", Http.json(response).getString("error"));
  }

  @Test
  void wrongPasswordAndUnknownUserAreRefusedAlike() {
    String username = register(Http.uniqueName("ben"));
    var wrong = Http.get(server.uri("/api/v1/account"), username, PASSWORD + "x");
    var unknown = Http.get(server.uri("/api/v1/account"), Http.uniqueName("nobody"), PASSWORD);
    assertEquals(401, wrong.statusCode());
    assertEquals(401, unknown.statusCode());
    assertEquals(wrong.body(), unknown.body(), "no hint whether the user exists");
  }

  @Test
  void malformedAuthorizationHeaderGets401() {
    var response =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/account"))
                .header("Authorization", "Basic %%%not-base64"));
    assertEquals(401, response.statusCode());
    assertEquals("unauthorized", Http.json(response).getString("error"));
  }

  @Test
  void malformedJsonGets400WithAJsonErrorAndStoresNothing() {
    String username = Http.uniqueName("cat");
    var response =
        Http.postJson(server.uri("/api/v1/accounts"), "{\"username\": \"" + username + "\", ");
    assertEquals(400, response.statusCode());
    assertEquals("malformedBody", Http.json(response).getString("error"));
    assertNoStackTrace(response.body());
    assertEquals(401, Http.get(server.uri("/api/v1/account"), username, PASSWORD).statusCode());
  }

  @Test
  void weakPasswordIsRefusedAndNothingStored() {
    String username = Http.uniqueName("dan");
    var response =
        Http.postJson(
            server.uri("/api/v1/accounts"),
            Http.registration(username, username + "@example.com", "short1"));
    assertEquals(400, response.statusCode());
    assertEquals("password.tooShort", Http.json(response).getString("error"));
    assertEquals(401, Http.get(server.uri("/api/v1/account"), username, "short1").statusCode());
  }

  @Test
  void duplicateUserNameGets409AndTheFirstAccountIsUnchanged() {
    String username = register(Http.uniqueName("eve"));
    var again =
        Http.postJson(
            server.uri("/api/v1/accounts"),
            Http.registration(username, "other-" + username + "@example.com", "Another-pass-99"));
    assertEquals(409, again.statusCode());
    assertEquals("username.taken", Http.json(again).getString("error"));
    assertEquals(200, Http.get(server.uri("/api/v1/account"), username, PASSWORD).statusCode());
    assertEquals(
        401, Http.get(server.uri("/api/v1/account"), username, "Another-pass-99").statusCode());
  }

  @Test
  void hostileUserNameIsRefused() {
    var response =
        Http.postJson(
            server.uri("/api/v1/accounts"),
            Http.registration("<script>alert(1)</script>", "x@example.com", PASSWORD));
    assertEquals(400, response.statusCode());
    assertEquals("username.invalid", Http.json(response).getString("error"));
  }

  @Test
  void registrationAddressAcceptsOnlyPost() {
    var get = Http.get(server.uri("/api/v1/accounts"));
    assertEquals(401, get.statusCode(), "other methods are not public");
  }

  @Test
  void unknownApiAddressGetsJson404ForALoggedInCaller() {
    String username = register(Http.uniqueName("fay"));
    var response = Http.get(server.uri("/api/v1/nothing-here"), username, PASSWORD);
    assertEquals(404, response.statusCode());
    assertEquals("notFound", Http.json(response).getString("error"));
  }
}
