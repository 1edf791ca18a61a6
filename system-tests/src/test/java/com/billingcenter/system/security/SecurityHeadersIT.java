package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SecurityPromise;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The headers every page and API answer carries: scripts limited to the page's own and its nonce'd
 * ones (PrimeFaces CSP mode), no framing, no sniffing, no referrer to other sites, no version
 * banner, an HttpOnly and SameSite=Lax session cookie, also the one made at sign-in.
 */
@SecurityPromise
class SecurityHeadersIT {

  private final BillingCenterServer server = BillingCenterServer.shared();

  @Test
  void pagesAndApiCarryTheSecurityHeadersAndNoBanner() {
    HttpResponse<String> page = Http.get(server.uri("/login.xhtml"));
    assertEquals(200, page.statusCode());
    List<String> policies = page.headers().allValues("Content-Security-Policy");
    assertTrue(
        policies.stream()
            .anyMatch(p -> p.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'.*")),
        "scripts limited to the page's nonce: " + policies);
    assertTrue(
        policies.stream().anyMatch(p -> p.contains("frame-ancestors 'none'")), policies.toString());
    // Every script element of the page carries that nonce; no inline handler is left.
    String nonce =
        policies.stream()
            .map(p -> p.replaceAll(".*'nonce-([^']+)'.*", "$1"))
            .filter(n -> !n.contains(" "))
            .findFirst()
            .orElseThrow();
    String html = page.body();
    assertTrue(html.contains("nonce=\"" + nonce + "\""), "the scripts carry the nonce");
    assertFalse(
        html.matches("(?s).*<script(?![^>]*\\bsrc=)(?![^>]*nonce=)[^>]*>.*"),
        "an inline script without the nonce");
    assertFalse(
        html.matches("(?s).*\\son(click|change|submit|load|complete)=\".*"), "an inline handler");

    for (HttpResponse<String> answer :
        List.of(
            page,
            Http.get(server.uri("/api/v1/version")),
            Http.get(server.uri("/api/v1/account")))) {
      assertEquals(List.of("DENY"), answer.headers().allValues("X-Frame-Options"));
      assertEquals(List.of("nosniff"), answer.headers().allValues("X-Content-Type-Options"));
      assertEquals(List.of("same-origin"), answer.headers().allValues("Referrer-Policy"));
      assertTrue(answer.headers().allValues("X-Powered-By").isEmpty(), "no X-Powered-By");
      answer
          .headers()
          .firstValue("Server")
          .ifPresent(banner -> assertFalse(banner.matches(".*\\d.*"), "a version in: " + banner));
    }
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLaxAndPagesAndApiAreNotStored() {
    HttpResponse<String> page = Http.get(server.uri("/login.xhtml?lang=en"));
    List<String> cookies =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .toList();
    assertFalse(cookies.isEmpty(), "a page with ?lang opens a session: " + page.headers().map());
    for (String cookie : cookies) {
      assertTrue(cookie.contains("HttpOnly"), cookie);
      assertTrue(cookie.contains("SameSite=Lax"), cookie);
      assertFalse(cookie.contains("Secure"), "plain HTTP here, so not Secure: " + cookie);
    }
    assertTrue(
        page.headers().allValues("Strict-Transport-Security").isEmpty(), "no HSTS over HTTP");
    for (HttpResponse<String> answer :
        List.of(
            page,
            Http.get(server.uri("/api/v1/version")),
            Http.get(server.uri("/api/v1/account")))) {
      assertEquals(
          List.of("no-store"),
          answer.headers().allValues("Cache-Control"),
          answer.uri().toString());
    }
  }
}
