package com.billingcenter.system.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.operations.control.Totp;
import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.PageSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operators' console over HTTP, as a browser and a script use it: the first operator is made
 * with the deployment's operator key and sets up through the one-time link (password and the
 * authenticator app's code), signs in with the password and a fresh code, and has a session of its
 * own for {@code /ops/} that a customer's sign-in never gives, nor the operator's the customers'
 * pages.
 */
class OperatorConsoleIT {

  private static final String PASSWORD = "Operator-2026-x";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private HttpResponse<String> invite(String key, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri("/api/v1/operators"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      request.header("X-Operator-Key", key);
    }
    return Http.send(request);
  }

  private static String group(String pattern, String text) {
    Matcher m = Pattern.compile(pattern).matcher(text);
    assertTrue(m.find(), pattern + " in " + text);
    return m.group(1);
  }

  /** A new operator set up through its link: its TOTP secret and the code the set-up used. */
  private record SetUp(String secret, String code) {}

  private SetUp setUp(PageSession browser, String name, String role) throws Exception {
    var invited =
        invite(
            BillingCenterServer.OPERATOR_KEY,
            "{\"username\": \"" + name + "\", \"role\": \"" + role + "\"}");
    assertEquals(201, invited.statusCode(), invited.body());
    String link = Http.json(invited).getString("setupUrl");
    String path = link.substring(link.indexOf("/ops/setup.xhtml"));
    var page = browser.open(path + "&lang=en");
    assertEquals(200, page.statusCode(), page.body());
    String secret = group("<code id=\"secret\">([A-Z2-7]+)</code>", page.body());
    String code = Totp.code(secret, Instant.now());
    var done =
        browser.submitOn(
            page.body(), path, "setup", Map.of("password", PASSWORD, "code", code, "submit", ""));
    assertEquals(200, done.statusCode(), done.body());
    assertTrue(done.body().contains("recovery-codes"), "the recovery codes, once: " + done.body());
    assertFalse(
        browser.open(path + "&lang=en").body().contains("id=\"secret\""), "the link opens once");
    return new SetUp(secret, code);
  }

  private HttpResponse<String> signIn(PageSession browser, String name, String code)
      throws Exception {
    return browser.submit(
        "/ops/login.xhtml?lang=en",
        "login",
        Map.of("name", name, "password", PASSWORD, "code", code, "submit", ""));
  }

  @Test
  void theFirstOperatorIsMadeWithTheKeySetsUpAndSignsInWithASecondFactor() throws Exception {
    String name = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    PageSession browser = new PageSession(server);
    SetUp setUp = setUp(browser, name, "operator");

    // The code the set-up used is spent: a sign-in needs the next one.
    var refused = signIn(browser, name, setUp.code());
    assertEquals(200, refused.statusCode());
    assertTrue(refused.body().contains("The name, password or code is not right"), refused.body());
    var signedIn = signIn(browser, name, Totp.code(setUp.secret(), Instant.now().plusSeconds(30)));
    assertEquals(302, signedIn.statusCode(), signedIn.body());
    String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("ops_session="), cookie);
    assertTrue(cookie.contains("Path=/ops"), cookie);
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);

    var console = browser.open("/ops/index.xhtml?lang=en");
    assertEquals(200, console.statusCode(), console.body());
    assertTrue(console.body().contains(name), "the operator's name: " + console.body());

    // Find a customer, open their page, switch arbitrary selection on with a reason: their own
    // Audit page shows it was the product's staff, and why.
    String customer = Http.register(server, Http.uniqueName("helped"), "Customer-2026-x");
    var found =
        browser.submitOn(
            console.body(),
            "/ops/index.xhtml",
            "search",
            Map.of("query", customer.substring(0, 10), "find", ""));
    assertEquals(200, found.statusCode(), found.body());
    String customerId = group("customer=(\\d+)\"[^>]*>" + customer + "<", found.body());
    // A team member's address finds the customer too.
    String member = Http.uniqueName("colleague");
    com.billingcenter.system.support.Teams.member(
        server, customer, "Customer-2026-x", member, "viewer", "Member-Pass-2026");
    var byMember =
        browser.submitOn(
            found.body(),
            "/ops/index.xhtml",
            "search",
            Map.of("query", member + "@team.example.org", "find", ""));
    assertEquals(customerId, group("customer=(\\d+)\"[^>]*>" + customer + "<", byMember.body()));
    assertTrue(byMember.body().contains("team member"), byMember.body());
    var page = browser.open("/ops/index.xhtml?lang=en&customer=" + customerId);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("id=\"workspaces\""), page.body());
    var switched =
        browser.submitOn(
            page.body(),
            "/ops/index.xhtml?customer=" + customerId,
            "customerPage",
            Map.of("reason", "asked by the account manager", "switch", ""));
    assertEquals(200, switched.statusCode(), switched.body());
    assertTrue(switched.body().contains("written to the customer"), switched.body());
    PageSession customers = new PageSession(server);
    customers.logIn(customer, "Customer-2026-x");
    String audit = customers.open("/audit.xhtml?lang=en").body();
    assertTrue(audit.contains("Billing Center staff"), audit);
    assertTrue(audit.contains("asked by the account manager"), audit);
    // The API says "staff", never the operator's name.
    String api = Http.get(server.uri("/api/v1/audit"), customer, "Customer-2026-x").body();
    assertTrue(api.contains("\"actor\":\"staff\"") && !api.contains(name), api);

    // The operator's session opens nothing of the customers'.
    String token = group("ops_session=([^;]+)", cookie);
    var customersPage =
        Http.send(
            HttpRequest.newBuilder(server.uri("/workspaces.xhtml"))
                .header("Cookie", "ops_session=" + token));
    assertEquals(302, customersPage.statusCode());
    assertTrue(
        customersPage.headers().firstValue("Location").orElse("").contains("/login.xhtml"),
        customersPage.headers().toString());
  }

  @Test
  void aCustomersSignInOpensNothingOfTheOperators() throws Exception {
    String customer = Http.register(server, Http.uniqueName("cust"), "Customer-2026-x");
    PageSession browser = new PageSession(server);
    browser.logIn(customer, "Customer-2026-x");
    var console = browser.get("/ops/index.xhtml");
    assertEquals(302, console.statusCode());
    assertTrue(
        console.headers().firstValue("Location").orElse("").endsWith("/ops/login.xhtml"),
        console.headers().toString());
  }

  @Test
  void onlyTheOperatorKeyMakesAnOperatorAndBadInputMakesNone() {
    String name = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"username\": \"" + name + "\", \"role\": \"operator\"}";
    assertEquals(401, invite(null, body).statusCode());
    assertEquals(401, invite("not-the-operators-key-0123", body).statusCode());
    assertEquals(
        400,
        invite(BillingCenterServer.OPERATOR_KEY, "{\"username\": \"x\", \"role\": \"operator\"}")
            .statusCode(),
        "too short a name");
    assertEquals(
        400,
        invite(
                BillingCenterServer.OPERATOR_KEY,
                "{\"username\": \"" + name + "\", \"role\": \"root\"}")
            .statusCode(),
        "no such role");
    assertEquals(201, invite(BillingCenterServer.OPERATOR_KEY, body).statusCode());
    assertEquals(409, invite(BillingCenterServer.OPERATOR_KEY, body).statusCode(), "taken");
  }

  /** Guessing is throttled as for the customers: after five wrong tries the right ones wait too. */
  @Test
  void guessingAnOperatorsPasswordOrCodeIsThrottled() throws Exception {
    String name = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    PageSession browser = new PageSession(server);
    SetUp setUp = setUp(browser, name, "auditor");
    for (int i = 0; i < 5; i++) {
      var wrong = signIn(browser, name, "000000");
      assertTrue(wrong.body().contains("The name, password or code is not right"), wrong.body());
    }
    var right = signIn(browser, name, Totp.code(setUp.secret(), Instant.now().plusSeconds(30)));
    assertEquals(200, right.statusCode(), "not signed in");
    assertTrue(right.body().contains("Too many failed sign-ins"), right.body());
  }

  private HttpResponse<String> operations(String method, String path, String key) {
    return Http.send(
        HttpRequest.newBuilder(server.uri(path))
            .header("X-Operator-Key", key)
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** Makes a token on the Tokens page of a signed-in operator; answers its value. */
  private static String token(PageSession browser, String label) throws Exception {
    var made =
        browser.submit(
            "/ops/tokens.xhtml?lang=en", "tokens", Map.of("name", label, "days", "30", "make", ""));
    assertEquals(200, made.statusCode(), made.body());
    return group("<code id=\"token-value\">(opk_[A-Za-z0-9_-]+)</code>", made.body());
  }

  /**
   * An operator's own API token acts as them (an auditor's only reads), is listed with its last
   * use, and stops at once when revoked.
   */
  @Test
  void anOperatorsOwnTokenActsAsThemUntilRevoked() throws Exception {
    String name = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    PageSession browser = new PageSession(server);
    SetUp setUp = setUp(browser, name, "auditor");
    assertEquals(
        302,
        signIn(browser, name, Totp.code(setUp.secret(), Instant.now().plusSeconds(30)))
            .statusCode());
    String token = token(browser, "prometheus");

    assertEquals(200, operations("GET", "/metrics", token).statusCode(), "an auditor reads");
    assertEquals(200, operations("GET", "/api/v1/metering/runs", token).statusCode());
    assertEquals(
        401,
        operations("POST", "/api/v1/bills/closing-runs", token).statusCode(),
        "an auditor's token does not act");
    String list = browser.open("/ops/tokens.xhtml?lang=en").body();
    assertTrue(list.contains("prometheus"), list);
    assertFalse(list.contains(token), "the value is shown once only");

    // The newest token's Revoke button, posted as a browser would.
    String button = group("name=\"(tokens:[^\"]*:0:revoke)\"", list);
    var revoked = browser.post("/ops/tokens.xhtml", revokeForm(list, button));
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertTrue(revoked.body().contains("revoked"), revoked.body());
    assertEquals(401, operations("GET", "/metrics", token).statusCode(), "revoked at once");
  }

  private static Map<String, String> revokeForm(String page, String button) {
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("tokens", "tokens");
    form.put("tokens:name", "");
    form.put("tokens:days", "90");
    form.put(button, "");
    form.put(
        "jakarta.faces.ViewState",
        group("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"", page));
    form.put("primefaces.nonce", group("nonce=\"([^\"]+)\"", page));
    return form;
  }

  /**
   * A malformed event that came with the endpoint's secret is refused (400) and kept for the
   * operators with its body and why; one without the secret (anyone may send it) is not kept.
   */
  @Test
  void aRefusedEventWithTheSecretIsKeptForTheOperators() throws Exception {
    String kept = "kept-" + UUID.randomUUID();
    String stranger = "stranger-" + UUID.randomUUID();
    HttpResponse<String> refused =
        Http.send(
            HttpRequest.newBuilder(server.uri("/marketplace/aws/events"))
                .header("Content-Type", "application/json")
                .header("X-Marketplace-Events-Secret", BillingCenterServer.EVENTS_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + kept + "\"")));
    assertEquals(400, refused.statusCode(), refused.body());
    HttpResponse<String> unauthorized =
        Http.send(
            HttpRequest.newBuilder(server.uri("/marketplace/aws/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + stranger + "\"")));
    assertEquals(401, unauthorized.statusCode(), unauthorized.body());

    PageSession browser = new PageSession(server);
    String name = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    SetUp setUp = setUp(browser, name, "operator");
    assertEquals(
        302,
        signIn(browser, name, Totp.code(setUp.secret(), Instant.now().plusSeconds(30)))
            .statusCode());
    var events = browser.open("/ops/events.xhtml?lang=en");
    assertEquals(200, events.statusCode(), events.body());
    assertTrue(events.body().contains(kept), events.body());
    assertFalse(events.body().contains(stranger), "not kept without the secret");
    assertTrue(events.body().contains("id=\"events:eventReason\""), "an operator may act");
  }
}
