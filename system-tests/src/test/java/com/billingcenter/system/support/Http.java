package com.billingcenter.system.support;

import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Small HTTP helpers for the system tests (the JDK client over HTTP/1.1, as nginx speaks to the
 * Billing Center, rather than an h2c upgrade; no redirects followed).
 */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private Http() {}

  public static HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request, Duration.ofSeconds(30));
  }

  /** The same, waiting at most {@code timeout} for the answer. */
  public static HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) {
    try {
      return CLIENT.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri));
  }

  public static HttpResponse<String> get(URI uri, String user, String password) {
    return send(HttpRequest.newBuilder(uri).header("Authorization", basic(user, password)));
  }

  public static HttpResponse<String> postJson(URI uri, String json) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public static HttpResponse<String> postJson(URI uri, String json, String user, String password) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Authorization", basic(user, password))
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static JsonObject json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  /** A user name no other test (or earlier run on the same database) has used. */
  public static jakarta.json.JsonArray jsonArray(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readArray();
    }
  }

  /** Changes the account's password through the API ({@code POST /api/v1/account/password}). */
  public static HttpResponse<String> changePassword(
      BillingCenterServer server, String user, String current, String next) {
    return postJson(
        server.uri("/api/v1/account/password"),
        "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}",
        user,
        current);
  }

  /** A site reports usage ({@code POST /api/v1/usage} with its key): a batch as JSON. */
  public static HttpResponse<String> reportUsage(
      BillingCenterServer server, String site, String batch) {
    return send(
        HttpRequest.newBuilder(server.uri("/api/v1/usage"))
            .header("Content-Type", "application/json")
            .header("X-Site-Key", BillingCenterServer.siteKey(site))
            .POST(HttpRequest.BodyPublishers.ofString(batch)));
  }

  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Registers {@code username} (login account {@code username@Example.com}) through the API and
   * fails the test unless it is created.
   */
  public static String register(BillingCenterServer server, String username, String password) {
    var created =
        postJson(
            server.uri("/api/v1/accounts"),
            registration(username, username + "@Example.com", password));
    if (created.statusCode() != 201) {
      throw new AssertionError("registration refused: " + created.body());
    }
    return username;
  }

  public static String registration(String username, String loginAccount, String password) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("loginAccount", loginAccount)
        .add("password", password)
        .build()
        .toString();
  }

  private static final Pattern STACK_FRAME =
      Pattern.compile("(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\))|Caused by:");

  /** An answer shows no Java stack trace (no frame, no "Caused by"). */
  public static void assertNoStackTrace(String body) {
    assertFalse(STACK_FRAME.matcher(body).find(), body);
  }
}
