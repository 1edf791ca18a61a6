package com.billingcenter.system.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
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
public final class PageSession {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

  private final BillingCenterServer server;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  /** The client address a trusted proxy names ({@code X-Forwarded-For}), or null. */
  private final String forwardedFor;

  public PageSession(BillingCenterServer server) {
    this(server, null);
  }

  /** A session whose requests come through a trusted proxy for client {@code forwardedFor}. */
  public PageSession(BillingCenterServer server, String forwardedFor) {
    this.server = server;
    this.forwardedFor = forwardedFor;
    this.client =
        HttpClient.newBuilder()
            // HTTP/1.1, as browsers behind nginx reach the Billing Center: Payara's cleartext
            // HTTP/2 answers some requests of an upgraded connection with 431.
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
    return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
  }

  public HttpResponse<String> get(String path) throws Exception {
    return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Opens {@code path} as a browser's address bar would: a redirect to this server (303, 302) is
   * followed, at most three times; answers the last response.
   */
  public HttpResponse<String> open(String path) throws Exception {
    HttpResponse<String> response = get(path);
    for (int i = 0; i < 3 && (response.statusCode() == 303 || response.statusCode() == 302); i++) {
      String location = response.headers().firstValue("Location").orElseThrow();
      URI next = response.uri().resolve(location);
      assertEquals(server.base().getAuthority(), next.getAuthority(), "a redirect to this server");
      response =
          get(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
    }
    return response;
  }

  public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return client.send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public void logIn(String user, String password) throws Exception {
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
  public String sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  /** Whether a protected page is shown (not a redirect to the login page). */
  public boolean signedIn() throws Exception {
    return signedInAt(server);
  }

  /**
   * Whether {@code other} (another member of the server's cluster) shows this session a protected
   * page: the same cookies, sent to it.
   */
  public boolean signedInAt(BillingCenterServer other) throws Exception {
    var page =
        client.send(
            HttpRequest.newBuilder(other.uri("/workspaces.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    return page.statusCode() == 200 && page.body().contains("Workspace Management");
  }

  public void changePasswordOnTheAccountPage(String current, String next) throws Exception {
    var answer =
        submit(
            "/account.xhtml?lang=en",
            "password",
            Map.of("current", current, "newPassword", next, "confirmation", next, "save", ""));
    assertTrue(answer.body().contains("Your password is changed"), "changed: " + answer.body());
  }

  /**
   * Opens {@code page} and submits its form {@code formId} as a browser would (a full post with the
   * view state, the page's hidden fields and its CSP nonce): {@code fields} by their ids inside the
   * form, the button among them with an empty value. The answer is not followed.
   */
  public HttpResponse<String> submit(String page, String formId, Map<String, String> fields)
      throws Exception {
    var opened = open(page);
    assertEquals(200, opened.statusCode(), page + ": " + opened.body());
    return submitOn(opened.body(), page, formId, fields);
  }

  /** As {@link #submit}, on a page already opened (its body {@code html}). */
  public HttpResponse<String> submitOn(
      String html, String page, String formId, Map<String, String> fields) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put(formId, formId);
    fields.forEach((id, value) -> form.put(formId + ":" + id, value));
    form.put("jakarta.faces.ViewState", viewState(html));
    hidden(html).forEach(form::putIfAbsent);
    // PrimeFaces' script adds the page's CSP nonce to every form it submits.
    Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(html);
    assertTrue(nonce.find(), "the page's CSP nonce");
    form.put("primefaces.nonce", nonce.group(1));
    String path = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
    return post(path, form);
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
