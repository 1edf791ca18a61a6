package com.billingcenter.marketplace.web;

import com.billingcenter.platform.web.ClientAddress;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;

/**
 * The set-up page's one-time reference travels in a cookie, never in a URL: URLs end up in access
 * logs (the load balancer's, a proxy's) and in browser history, and the reference opens the set-up
 * of an AWS account for an hour. The cookie is HttpOnly, SameSite=Lax (a top-level navigation from
 * AWS Marketplace still carries it), Secure over HTTPS, for the set-up page only, and lives as long
 * as the reference (an hour).
 */
final class SetupReference {

  static final String COOKIE = "BC_SETUP";

  /** As long as a reference is valid. */
  static final int MAX_AGE_SECONDS = 3600;

  private SetupReference() {}

  /** Hands {@code reference} to the set-up page of this request's client. */
  static void hand(HttpServletRequest request, HttpServletResponse response, String reference) {
    response.addHeader("Set-Cookie", cookie(request, reference, MAX_AGE_SECONDS));
  }

  /** Forgets the reference (it was used). */
  static void forget(HttpServletRequest request, HttpServletResponse response) {
    response.addHeader("Set-Cookie", cookie(request, "", 0));
  }

  /** The reference the request's cookie carries, if any. */
  static Optional<String> of(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(c -> COOKIE.equals(c.getName()))
        .map(Cookie::getValue)
        .filter(v -> v != null && v.matches("[A-Za-z0-9_-]{1,100}"))
        .findFirst();
  }

  private static String cookie(HttpServletRequest request, String value, int maxAge) {
    return COOKIE
        + "="
        + value
        + "; Path="
        + request.getContextPath()
        + "/setup.xhtml; Max-Age="
        + maxAge
        + "; HttpOnly; SameSite=Lax"
        + (ClientAddress.isHttps(request) ? "; Secure" : "");
  }
}
