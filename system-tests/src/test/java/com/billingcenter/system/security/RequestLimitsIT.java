package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SecurityPromise;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public endpoint that takes a body refuses one beyond its limit with a clear 413 before
 * anything is stored, chunked bodies included; every refused request leaves a log line (method,
 * path, status, address) and no credential, key or secret ever reaches the log.
 */
@SecurityPromise
class RequestLimitsIT {

  private static final String PASSWORD = "Limits-test-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private static String pad(int bytes) {
    return "x".repeat(bytes);
  }

  private HttpResponse<String> post(
      String path, String contentType, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return Http.send(request);
  }

  /** The same body without a length: chunked transfer encoding. */
  private HttpResponse<String> postChunked(String path, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return Http.send(
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
  }

  private boolean accountExists(String username) {
    // Signing in as the account: 200 if it exists with that password, 401 otherwise.
    return Http.get(server.uri("/api/v1/account"), username, PASSWORD).statusCode() == 200;
  }

  @Test
  void everyPublicBodyHasALimitAnsweredWith413AndNothingStored() throws Exception {
    long logged = Files.size(server.log());
    List<String> refused = new ArrayList<>();

    // Registration (public JSON API): 64 KiB, with or without a length.
    String name = Http.uniqueName("limits");
    String big =
        "{\"username\": \"%s\", \"loginAccount\": \"%s@example.org\", \"password\": \"%s\", \"x\": \"%s\"}"
            .formatted(name, name, PASSWORD, pad(70 * 1024));
    HttpResponse<String> answer = post("/api/v1/accounts", "application/json", big);
    assertEquals(413, answer.statusCode(), answer.body());
    assertEquals("tooLarge", Http.json(answer).getString("error"));
    answer = postChunked("/api/v1/accounts", "application/json", big);
    assertEquals(413, answer.statusCode(), answer.body());
    assertFalse(accountExists(name), "no account from a refused body");
    refused.add("POST /api/v1/accounts with 413");
    // Under the limit, without a length, the same registration is taken.
    String small = Http.registration(name, name + "@example.org", PASSWORD);
    answer = postChunked("/api/v1/accounts", "application/json", small);
    assertEquals(201, answer.statusCode(), answer.body());

    // The signed-in JSON API: a workspace with a 70 KiB name is not created.
    HttpResponse<String> workspace =
        post(
            "/api/v1/workspaces",
            "application/json",
            "{\"name\": \"%s\", \"siteCode\": \"us1\", \"language\": \"en\"}"
                .formatted(pad(70 * 1024)),
            "Authorization",
            Http.basic(name, PASSWORD));
    assertEquals(413, workspace.statusCode(), workspace.body());
    var list = Http.json(Http.get(server.uri("/api/v1/workspaces"), name, PASSWORD));
    assertEquals(0, list.getJsonArray("items").size(), "no workspace from a refused body");
    refused.add("POST /api/v1/workspaces with 413");

    // AWS Marketplace's endpoints: the fulfillment URL (16 KiB), EventBridge and SNS (256 KiB).
    assertEquals(
        413,
        post(
                "/marketplace/aws/fulfillment",
                "application/x-www-form-urlencoded",
                "x-amzn-marketplace-token=" + pad(20 * 1024))
            .statusCode());
    refused.add("POST /marketplace/aws/fulfillment with 413");
    assertEquals(
        413,
        post(
                "/marketplace/aws/events",
                "application/json",
                "{\"x\": \"" + pad(300 * 1024) + "\"}",
                "X-Marketplace-Events-Secret",
                BillingCenterServer.EVENTS_SECRET)
            .statusCode());
    refused.add("POST /marketplace/aws/events with 413");
    assertEquals(
        413,
        post("/marketplace/aws/sns", "text/plain", "{\"x\": \"" + pad(300 * 1024) + "\"}")
            .statusCode());
    refused.add("POST /marketplace/aws/sns with 413");

    // Sites' usage reports: 4 MiB.
    assertEquals(
        413,
        post(
                "/api/v1/usage",
                "application/json",
                "{\"records\": [], \"x\": \"" + pad(4 * 1024 * 1024 + 10) + "\"}",
                "X-Site-Key",
                BillingCenterServer.siteKey("us1"))
            .statusCode());
    refused.add("POST /api/v1/usage with 413");

    // A page's form beyond 1 MiB: a clear 413 page (not a wait for ever), nobody signed in.
    HttpResponse<String> login =
        post(
            "/login.xhtml",
            "application/x-www-form-urlencoded",
            "login=login&login%3Aname="
                + name
                + "&login%3Apassword="
                + PASSWORD
                + "&x="
                + pad(3 * 1024 * 1024));
    assertEquals(413, login.statusCode());
    assertTrue(login.body().contains("The form is too large"), login.body());
    assertTrue(
        login.headers().firstValue("Location").isEmpty(), "an oversize form signs nobody in");
    refused.add("POST /login.xhtml with 413");

    // Refused without credentials, with wrong ones, and another customer's id: each logged.
    assertEquals(401, Http.get(server.uri("/api/v1/workspaces")).statusCode());
    assertEquals(
        401, Http.get(server.uri("/api/v1/workspaces"), name, "Wrong-password-1").statusCode());
    assertEquals(
        404, Http.get(server.uri("/api/v1/workspaces/999999999"), name, PASSWORD).statusCode());
    refused.add("GET /api/v1/workspaces/999999999 with 404");

    // The operator key and the events secret are sent, right and wrong (the wrong ones contain the
    // right ones), so that their absence from the log below means something.
    var operator =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/metering/runs"))
                .header("X-Operator-Key", BillingCenterServer.OPERATOR_KEY));
    assertEquals(200, operator.statusCode(), operator.body());
    var wrongKey =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/metering/runs"))
                .header("X-Operator-Key", BillingCenterServer.OPERATOR_KEY + "-not"));
    assertEquals(401, wrongKey.statusCode(), wrongKey.body());
    for (String secret :
        List.of(BillingCenterServer.EVENTS_SECRET, BillingCenterServer.EVENTS_SECRET + "-not")) {
      var event =
          Http.send(
              HttpRequest.newBuilder(server.uri("/marketplace/aws/events"))
                  .header("X-Marketplace-Events-Secret", secret)
                  .header("Content-Type", "text/plain")
                  .POST(HttpRequest.BodyPublishers.ofString("not an event")));
      assertTrue(event.statusCode() == 415 || event.statusCode() == 401, event.body());
    }

    String log = awaitLog(logged, "GET /api/v1/workspaces/999999999 with 404");
    for (String line : refused) {
      assertTrue(log.contains("Refused " + line), "logged: " + line);
    }
    assertTrue(
        log.contains("Refused GET /api/v1/workspaces with 401: Credentials are required"),
        "a missing credential is logged");
    assertTrue(
        log.contains(
            "Refused GET /api/v1/workspaces with 401: The user name or password is not correct."),
        "a wrong credential is logged");
    for (String secret :
        List.of(
            PASSWORD,
            "Wrong-password-1",
            BillingCenterServer.siteKey("us1"),
            BillingCenterServer.OPERATOR_KEY,
            BillingCenterServer.EVENTS_SECRET)) {
      assertFalse(log.contains(secret), "a secret in the log");
    }
  }

  /** The server's log written since {@code from}, once it contains {@code last}. */
  private String awaitLog(long from, String last) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    String text = "";
    while (System.nanoTime() < deadline) {
      byte[] all = Files.readAllBytes(server.log());
      text = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
      if (text.contains(last)) {
        return text;
      }
      Thread.sleep(100);
    }
    return text;
  }
}
