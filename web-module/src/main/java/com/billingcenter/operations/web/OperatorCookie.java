package com.billingcenter.operations.web;

import com.billingcenter.operations.boundary.Operators;
import com.billingcenter.platform.web.ClientAddress;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;

/**
 * The operator's sign-in cookie: {@code ops_session}, for {@code /ops/} only, {@code HttpOnly},
 * {@code SameSite=Strict}, {@code Secure} over HTTPS; its value is the session's token ({@link
 * Operators}). The customers' session cookie is another, so neither sign-in is the other's.
 */
final class OperatorCookie {

  static final String NAME = "ops_session";

  private OperatorCookie() {}

  static Optional<String> token(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null
        ? Optional.empty()
        : Arrays.stream(cookies)
            .filter(c -> NAME.equals(c.getName()))
            .map(Cookie::getValue)
            .findFirst();
  }

  static void set(HttpServletRequest request, HttpServletResponse response, String token) {
    response.addHeader(
        "Set-Cookie",
        NAME
            + "="
            + token
            + "; Path="
            + request.getContextPath()
            + "/ops; Max-Age="
            + Operators.SESSION.toSeconds()
            + "; HttpOnly; SameSite=Strict"
            + (ClientAddress.isHttps(request) ? "; Secure" : ""));
  }

  static void clear(HttpServletRequest request, HttpServletResponse response) {
    response.addHeader(
        "Set-Cookie",
        NAME
            + "=; Path="
            + request.getContextPath()
            + "/ops; Max-Age=0; HttpOnly; SameSite=Strict");
  }
}
