package com.billingcenter.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A token that opens one page (a mailed link's, the set-up reference), carried by a cookie for that
 * page only and never in a URL after the first request ({@link LinkTokens}): URLs end up in access
 * logs (the load balancer's, a proxy's), in the browser's history and in the {@code Referer} of the
 * next request. HttpOnly, SameSite=Lax (a top-level navigation from a mail or from AWS Marketplace
 * still carries it), Secure over HTTPS. A value that cannot be a token is neither written nor read.
 *
 * @param name the cookie's name
 * @param page the page it is for, e.g. {@code /reset-password.xhtml}, which is also its path
 */
public record LinkCookie(String name, String page) {

  /** What a token may look like: URL-safe Base64 or a reference, at most 100 characters. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  /** Whether {@code value} can be a token at all. */
  public static boolean wellFormed(String value) {
    return value != null && TOKEN.matcher(value).matches();
  }

  /**
   * Hands {@code token} to this page of the request's client, for {@code maxAgeSeconds}, or for the
   * browser's session when it is negative; a value that cannot be a token is forgotten instead.
   */
  public void hand(
      HttpServletRequest request, HttpServletResponse response, String token, int maxAgeSeconds) {
    if (!wellFormed(token)) {
      forget(request, response);
      return;
    }
    response.addHeader(
        "Set-Cookie",
        cookie(request, token) + (maxAgeSeconds < 0 ? "" : "; Max-Age=" + maxAgeSeconds));
  }

  /** Forgets the token (it was used, or was none). */
  public void forget(HttpServletRequest request, HttpServletResponse response) {
    response.addHeader("Set-Cookie", cookie(request, "") + "; Max-Age=0");
  }

  /** The token the request's cookie carries, if it can be one. */
  public Optional<String> of(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(c -> name.equals(c.getName()))
        .map(Cookie::getValue)
        .filter(LinkCookie::wellFormed)
        .findFirst();
  }

  private String cookie(HttpServletRequest request, String value) {
    return name
        + "="
        + value
        + "; Path="
        + request.getContextPath()
        + page
        + "; HttpOnly; SameSite=Lax"
        + (ClientAddress.isHttps(request) ? "; Secure" : "");
  }
}
