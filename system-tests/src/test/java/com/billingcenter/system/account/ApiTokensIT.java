package com.billingcenter.system.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A customer's API tokens on the shared server: made with the password, shown once, a read token
 * lists workspaces and is refused a write (403), a read-write token writes but manages no token nor
 * the password, a revoked or unknown token is 401, and bad input makes nothing.
 */
class ApiTokensIT {

  private static final String PASSWORD = "Customer-2026-x";
  private static final String WORKSPACE =
      "{\"name\": \"Scripted\", \"siteCode\": \"us1\", \"language\": \"en\"}";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private HttpResponse<String> make(String user, String json) {
    return Http.postJson(server.uri("/api/v1/account/tokens"), json, user, PASSWORD);
  }

  private HttpResponse<String> withToken(String method, String path, String token, String json) {
    return Http.send(
        HttpRequest.newBuilder(server.uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String code(HttpResponse<String> response) {
    return Http.json(response).getString("error");
  }

  @Test
  void aReadTokenReadsAndIsRevokedAtOnce() {
    String user = Http.register(server, Http.uniqueName("tokens"), PASSWORD);
    HttpResponse<String> made = make(user, "{\"name\": \"reporting\", \"scope\": \"read\"}");
    assertEquals(201, made.statusCode(), made.body());
    JsonObject json = Http.json(made);
    String value = json.getString("value");
    assertTrue(value.startsWith("bct_"), value);
    assertEquals("read", json.getJsonObject("token").getString("scope"));

    assertEquals(200, withToken("GET", "/api/v1/workspaces", value, null).statusCode());
    HttpResponse<String> write = withToken("POST", "/api/v1/workspaces", value, WORKSPACE);
    assertEquals(403, write.statusCode(), write.body());
    assertEquals("token.readOnly", code(write));

    String listed = Http.get(server.uri("/api/v1/account/tokens"), user, PASSWORD).body();
    assertFalse(listed.contains(value), "never the value again");
    assertFalse(listed.contains("\"lastUsedAt\":null"), "its use is noted: " + listed);

    long id = json.getJsonObject("token").getJsonNumber("id").longValue();
    HttpResponse<String> revoked =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/account/tokens/" + id))
                .header("Authorization", Http.basic(user, PASSWORD))
                .DELETE());
    assertEquals(204, revoked.statusCode(), revoked.body());
    assertEquals(401, withToken("GET", "/api/v1/workspaces", value, null).statusCode());
    String audit = Http.get(server.uri("/api/v1/audit"), user, PASSWORD).body();
    assertTrue(audit.contains("apiToken.made") && audit.contains("apiToken.revoked"), audit);
  }

  @Test
  void aReadWriteTokenWritesButManagesNoTokenNorThePassword() {
    String user = Http.register(server, Http.uniqueName("tokens"), PASSWORD);
    String value =
        Http.json(make(user, "{\"name\": \"deploys\", \"scope\": \"read-write\", \"days\": 7}"))
            .getString("value");
    HttpResponse<String> created = withToken("POST", "/api/v1/workspaces", value, WORKSPACE);
    assertEquals(201, created.statusCode(), created.body());
    HttpResponse<String> another =
        withToken(
            "POST", "/api/v1/account/tokens", value, "{\"name\": \"x\", \"scope\": \"read\"}");
    assertEquals(403, another.statusCode(), another.body());
    assertEquals("token.forbidden", code(another));
    HttpResponse<String> password =
        withToken(
            "POST",
            "/api/v1/account/password",
            value,
            "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"Another-2026-x\"}");
    assertEquals(403, password.statusCode(), password.body());
  }

  @Test
  void badTokensAndBadInputMakeNothing() {
    String user = Http.register(server, Http.uniqueName("tokens"), PASSWORD);
    assertEquals(401, withToken("GET", "/api/v1/workspaces", "bct_guessed", null).statusCode());
    assertEquals(401, withToken("GET", "/api/v1/workspaces", "x".repeat(5000), null).statusCode());
    for (String[] bad :
        new String[][] {
          {"{\"name\": \"a\", \"scope\": \"admin\"}", "token.scope"},
          {"{\"name\": \"\", \"scope\": \"read\"}", "token.name"},
          {"{\"name\": \"" + "n".repeat(65) + "\", \"scope\": \"read\"}", "token.name"},
          {"{\"name\": \"a\", \"scope\": \"read\", \"days\": 0}", "token.days"},
          {"{\"name\": \"a\", \"scope\": \"read\", \"days\": 366}", "token.days"},
        }) {
      HttpResponse<String> refused = make(user, bad[0]);
      assertEquals(400, refused.statusCode(), refused.body());
      assertEquals(bad[1], code(refused));
    }
    assertEquals(
        "[]", Http.get(server.uri("/api/v1/account/tokens"), user, PASSWORD).body().strip());
  }
}
