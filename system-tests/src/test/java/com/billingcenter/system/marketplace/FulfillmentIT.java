package com.billingcenter.system.marketplace;

import static com.billingcenter.system.support.Http.assertNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.PageSession;
import com.billingcenter.system.support.SecurityPromise;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code POST /marketplace/aws/fulfillment} over real HTTP, with the sandbox answering the real AWS
 * SDK behind it: the good path, and every kind of bad input, each of which stores nothing.
 */
@Isolated("it injects faults into the shared sandbox, which every other test may call")
@SecurityPromise
class FulfillmentIT {

  private final BillingCenterServer server = BillingCenterServer.shared();

  private static String newAwsAccountId() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
  }

  private JsonObject buyer(String awsAccountId, String extra) {
    var created =
        Http.postJson(
            server.uri("/aws-sandbox/api/buyers"),
            "{\"awsAccountId\": \"" + awsAccountId + "\"" + extra + "}");
    assertEquals(201, created.statusCode(), created.body());
    return Http.json(created);
  }

  private HttpResponse<String> fulfil(String contentType, String body) {
    return Http.send(
        HttpRequest.newBuilder(server.uri("/marketplace/aws/fulfillment"))
            .header("Content-Type", contentType)
            .header("Accept-Language", "en")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> fulfil(String token) {
    return fulfil(
        "application/x-www-form-urlencoded",
        "x-amzn-marketplace-token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  private long count(String sql, String parameter) throws Exception {
    try (Connection db = Database.connect(server);
        PreparedStatement query = db.prepareStatement(sql)) {
      if (parameter != null) {
        query.setString(1, parameter);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private long registrations() throws Exception {
    return count("select count(*) from marketplace_registration", null);
  }

  private static void assertPage(HttpResponse<String> response, int status, String title) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.body().contains(title), response.body());
    assertTrue(response.body().contains("Nothing was stored."), response.body());
    assertNoStackTrace(response.body());
  }

  @Test
  void validTokenRecordsTheBuyerAndRedirectsWithAReferenceOfOurs() throws Exception {
    String aws = newAwsAccountId();
    JsonObject buyer = buyer(aws, "");
    String token = buyer.getString("registrationToken");

    var first = fulfil(token);
    assertEquals(303, first.statusCode(), first.body());
    String location = first.headers().firstValue("Location").orElseThrow();
    assertEquals("/setup.xhtml", location, "no reference in the URL: URLs reach access logs");
    String cookie =
        first.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("BC_SETUP="))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("the reference's cookie: " + first.headers().map()));
    assertTrue(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && cookie.contains("Path=/setup.xhtml")
            && cookie.contains("Max-Age=3600"),
        cookie);
    assertFalse(cookie.contains(token), "AWS's token is not the reference");
    String reference = cookie.substring("BC_SETUP=".length(), cookie.indexOf(';'));

    var second = fulfil(token);
    assertEquals(303, second.statusCode());
    assertFalse(
        second.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains(reference)),
        "each arrival gets its own one-time reference");
    assertEquals(
        1,
        count("select count(*) from cloud_account where provider_account_id = ?", aws),
        "the same buyer is one cloud account");
    assertEquals(
        1,
        count(
            "select count(*) from cloud_account where provider_account_id = ? and license_arn = '"
                + buyer.getString("licenseArn")
                + "' and status = 'PENDING'",
            aws));

    var page =
        Http.send(
            java.net.http.HttpRequest.newBuilder(server.uri(location))
                .header("Cookie", "BC_SETUP=" + reference));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains(aws), "the set-up page names the AWS account");

    // The same reference in a URL, as older links had it, opens nothing: a reference reaches only
    // the browser that was answered the POST, so nobody can send another customer theirs.
    var linked = new PageSession(server).open("/setup.xhtml?lang=en&ref=" + reference);
    assertEquals(200, linked.statusCode());
    assertTrue(linked.body().contains("This set-up link is not valid"), linked.body());
    assertFalse(linked.body().contains(aws), "no AWS account shown");
  }

  /**
   * Seller Guide, "SaaS free trials": x-amzn-marketplace-offer-type=free-trial beside the token.
   */
  @Test
  void aFreeTrialBuyerIsMarkedSoAndOthersAreNot() throws Exception {
    String trial = newAwsAccountId();
    String token = buyer(trial, "").getString("registrationToken");
    var posted =
        fulfil(
            "application/x-www-form-urlencoded",
            "x-amzn-marketplace-token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&x-amzn-marketplace-offer-type=free-trial");
    assertEquals(303, posted.statusCode(), posted.body());
    String paid = newAwsAccountId();
    assertEquals(303, fulfil(buyer(paid, "").getString("registrationToken")).statusCode());
    String sql = "select count(*) from cloud_account where provider_account_id = ? and free_trial";
    assertEquals(1, count(sql, trial));
    assertEquals(0, count(sql, paid));
  }

  @Test
  void legacyBuyerIsKeptByCustomerIdentifier() throws Exception {
    String aws = newAwsAccountId();
    JsonObject buyer = buyer(aws, ", \"legacy\": true");
    assertEquals(303, fulfil(buyer.getString("registrationToken")).statusCode());
    assertEquals(
        1,
        count(
            "select count(*) from cloud_account where provider_account_id = ? and license_arn is"
                + " null and customer_identifier = '"
                + buyer.getString("customerIdentifier")
                + "'",
            aws));
  }

  @Test
  void unknownExpiredAndForeignTokensGetAPageAndStoreNothing() throws Exception {
    long before = registrations();
    assertPage(fulfil("not-a-token-we-know"), 400, "This link from AWS Marketplace is not valid");

    String aws = newAwsAccountId();
    buyer(aws, "");
    var expired =
        Http.postJson(server.uri("/aws-sandbox/api/buyers/" + aws + "/tokens?lifetime=PT0S"), "");
    assertPage(
        fulfil(Http.json(expired).getString("registrationToken")),
        400,
        "This link from AWS Marketplace has expired");

    String other = newAwsAccountId();
    JsonObject foreign = buyer(other, ", \"productCode\": \"someone-elses-product\"");
    assertPage(
        fulfil(foreign.getString("registrationToken")),
        400,
        "This subscription is for another product");

    assertEquals(before, registrations());
    assertEquals(
        0, count("select count(*) from cloud_account where provider_account_id = ?", other));
  }

  @Test
  void malformedRequestsGetA4xxPageAndStoreNothing() throws Exception {
    long before = registrations();
    assertPage(
        fulfil("application/x-www-form-urlencoded", ""),
        400,
        "No registration from AWS Marketplace");
    assertPage(
        fulfil("application/x-www-form-urlencoded", "x-amzn-marketplace-token="),
        400,
        "No registration from AWS Marketplace");
    assertPage(
        fulfil("ab\u0001cd\r\nX-Injected: 1"), 400, "This link from AWS Marketplace is not valid");
    assertPage(fulfil("x".repeat(5000)), 400, "This link from AWS Marketplace is not valid");
    assertPage(
        fulfil("application/json", "{\"x-amzn-marketplace-token\": \"abc\"}"),
        415,
        "Not a registration form");
    byte[] binary = new byte[200_000];
    ThreadLocalRandom.current().nextBytes(binary);
    var huge =
        Http.send(
            HttpRequest.newBuilder(server.uri("/marketplace/aws/fulfillment"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(binary)));
    assertPage(huge, 413, "The request is too large");
    // Beyond the container's own form limit (2 MB) too, and over a reused connection.
    var tenMegabytes =
        Http.send(
            HttpRequest.newBuilder(server.uri("/marketplace/aws/fulfillment"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "x-amzn-marketplace-token=" + "x".repeat(10 * 1024 * 1024))));
    assertPage(tenMegabytes, 413, "The request is too large");
    var get = Http.get(server.uri("/marketplace/aws/fulfillment"));
    assertPage(get, 405, "Open this from AWS Marketplace");
    assertEquals(before, registrations());
  }

  /**
   * A form of unknown length (chunked) is no browser's form: 411, and nothing stored. Sent over a
   * raw socket, as the JDK client would not send it over HTTP/2.
   */
  @Test
  void aChunkedPostGets411AndStoresNothing() throws Exception {
    long before = registrations();
    String body = "x-amzn-marketplace-token=abc";
    String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
    try (java.net.Socket socket = new java.net.Socket(server.base().getHost(), server.port())) {
      socket.setSoTimeout(20_000);
      socket
          .getOutputStream()
          .write(
              ("POST /marketplace/aws/fulfillment HTTP/1.1\r\nHost: localhost\r\n"
                      + "Connection: close\r\nAccept-Language: en\r\n"
                      + "Content-Type: application/x-www-form-urlencoded\r\n"
                      + "Transfer-Encoding: chunked\r\n\r\n"
                      + chunked)
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 411 "), answer);
      assertTrue(answer.contains("Not a registration form"), answer);
      assertTrue(answer.contains("Nothing was stored."), answer);
    }
    assertEquals(before, registrations());
  }

  private void resolveCustomerFails(String error) {
    var set =
        Http.postJson(
            server.uri("/aws-sandbox/api/faults"),
            error == null ? "{}" : "{\"resolveCustomerError\": \"" + error + "\"}");
    assertEquals(200, set.statusCode(), set.body());
  }

  /**
   * When AWS fails to resolve a token, the buyer gets a page that says so, nothing is stored, and
   * the same link works once AWS answers again. AWS Marketplace Metering Service API reference,
   * ResolveCustomer, Errors: InternalServiceErrorException (500) and ThrottlingException (400) may
   * pass, 503; DisabledApiException (400) is AWS refusing us, 502.
   */
  @Test
  void whenAwsFailsTheBuyerGetsA503Or502PageAndTheLinkStillWorks() throws Exception {
    long before = registrations();
    String aws = newAwsAccountId();
    String token = buyer(aws, "").getString("registrationToken");
    try {
      resolveCustomerFails("InternalServiceErrorException");
      assertPage(fulfil(token), 503, "AWS Marketplace cannot be reached");
      resolveCustomerFails("ThrottlingException");
      assertPage(fulfil(token), 503, "AWS Marketplace cannot be reached");
      resolveCustomerFails("DisabledApiException");
      assertPage(fulfil(token), 502, "AWS Marketplace refused the registration");
      assertEquals(before, registrations());
      assertEquals(
          0, count("select count(*) from cloud_account where provider_account_id = ?", aws));
    } finally {
      resolveCustomerFails(null);
    }
    assertEquals(303, fulfil(token).statusCode(), "the same link, once AWS answers");
    assertEquals(before + 1, registrations());
  }

  @Test
  void errorPageSpeaksTheBrowsersLanguage() {
    var response =
        Http.send(
            HttpRequest.newBuilder(server.uri("/marketplace/aws/fulfillment"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString("x-amzn-marketplace-token=unknown")));
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("来自 AWS Marketplace 的链接无效"), response.body());
  }

  @Test
  void forgedSetUpReferenceShowsAClearPage() throws Exception {
    var page = new PageSession(server).open("/setup.xhtml?ref=forged-reference-that-is-not-ours");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("This set-up link is not valid"), page.body());
    assertFalse(page.body().contains("step1"), "no form to use it with");
  }

  /**
   * A hostile {@code ?ref=} (a header injection and markup) is not written into any header, and the
   * page does not use it.
   */
  @Test
  void aHostileSetUpReferenceIsNeverWrittenIntoAHeader() throws Exception {
    var page =
        new PageSession(server)
            .get("/setup.xhtml?lang=en&ref=x%0d%0aSet-Cookie:%20JSESSIONID=evil%3b%3Cscript%3E");
    assertEquals(200, page.statusCode(), page.body());
    List<String> cookies = page.headers().allValues("Set-Cookie");
    assertTrue(cookies.stream().noneMatch(c -> c.contains("evil")), cookies.toString());
    assertTrue(cookies.stream().noneMatch(c -> c.startsWith("BC_SETUP=x")), cookies.toString());
    assertTrue(page.body().contains("This set-up link is not valid"), page.body());
    assertFalse(page.body().contains("JSESSIONID=evil"), "the value is not echoed");
  }
}
