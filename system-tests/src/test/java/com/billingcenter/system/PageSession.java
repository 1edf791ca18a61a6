package com.billingcenter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One browser-like session of a server's pages: its own cookies, no redirects followed. */
final class PageSession {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

  private final BillingCenterServer server;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  PageSession(BillingCenterServer server) {
    this.server = server;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return client.send(
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  void logIn(String user, String password) throws Exception {
    String page = get("/login.xhtml?lang=en").body();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("login", "login");
    form.put("login:name", user);
    form.put("login:password", password);
    form.put("login:submit", "");
    form.put("jakarta.faces.ViewState", viewState(page));
    var answer = post("/login.xhtml", form);
    assertEquals(302, answer.statusCode(), "signed in: " + answer.body());
    assertTrue(signedIn(), "the session shows Workspace Management");
  }

  /** The session cookie this client holds now. */
  String sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  /** Whether a protected page is shown (not a redirect to the login page). */
  boolean signedIn() throws Exception {
    return signedInAt(server);
  }

  /**
   * Whether {@code other} (another member of the server's cluster) shows this session a protected
   * page: the same cookies, sent to it.
   */
  boolean signedInAt(BillingCenterServer other) throws Exception {
    var page =
        client.send(
            HttpRequest.newBuilder(other.uri("/workspaces.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    return page.statusCode() == 200 && page.body().contains("Workspace Management");
  }

  void changePasswordOnTheAccountPage(String current, String next) throws Exception {
    var page = get("/account.xhtml?lang=en");
    assertEquals(200, page.statusCode());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("password", "password");
    form.put("password:current", current);
    form.put("password:newPassword", next);
    form.put("password:confirmation", next);
    form.put("password:save", "");
    form.put("jakarta.faces.ViewState", viewState(page.body()));
    hidden(page.body()).forEach(form::putIfAbsent);
    // PrimeFaces' script adds the page's CSP nonce to every form it submits.
    Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(page.body());
    assertTrue(nonce.find(), "the page's CSP nonce");
    form.put("primefaces.nonce", nonce.group(1));
    var answer = post("/account.xhtml", form);
    assertTrue(answer.body().contains("Your password is changed"), "changed: " + answer.body());
  }

  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

  /** The page's hidden fields, as a browser posts them. */
  private static Map<String, String> hidden(String page) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(page);
    while (m.find()) {
      fields.putIfAbsent(m.group(1), m.group(2));
    }
    return fields;
  }

  private static String viewState(String page) {
    Matcher m = VIEW_STATE.matcher(page);
    assertTrue(m.find(), "a Faces form: " + page);
    return m.group(1);
  }
}
