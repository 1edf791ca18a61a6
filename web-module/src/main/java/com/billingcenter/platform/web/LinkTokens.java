package com.billingcenter.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The first request of a link that carries a token in its URL (a password reset mail's {@code
 * ?token=}, a lock notice's {@code ?t=}) swaps it for its page's {@link LinkCookie} and is
 * redirected (303) to the same page without it, so that the token stands in no address bar,
 * history, {@code Referer} or access log after that request. The pages read the token from the
 * cookie only.
 */
@WebFilter(
    urlPatterns = {"/reset-password.xhtml", "/locked.xhtml", "/verify-email.xhtml", "/join.xhtml"},
    asyncSupported = true)
public class LinkTokens extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The password reset page's token: for the browser's session (the link lasts an hour). */
  public static final LinkCookie RESET = new LinkCookie("BC_RESET", "/reset-password.xhtml");

  /** The lock page's token: for the browser's session (the link lasts 30 days). */
  public static final LinkCookie LOCK = new LinkCookie("BC_LOCK", "/locked.xhtml");

  /** The confirmation page's token of a login e-mail address: for the browser's session. */
  public static final LinkCookie VERIFY_EMAIL = new LinkCookie("BC_VERIFY", "/verify-email.xhtml");

  /** The joining page's token of a team invitation: for the browser's session. */
  public static final LinkCookie JOIN = new LinkCookie("BC_JOIN", "/join.xhtml");

  /** Each page's query parameter that may carry a token, and the cookie it goes to. */
  private static final Map<String, Map.Entry<String, LinkCookie>> PAGES =
      Map.of(
          RESET.page(), Map.entry("token", RESET),
          LOCK.page(), Map.entry("t", LOCK),
          VERIFY_EMAIL.page(), Map.entry("token", VERIFY_EMAIL),
          JOIN.page(), Map.entry("token", JOIN));

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var page = PAGES.get(request.getServletPath());
    String query = request.getQueryString();
    if (page == null || query == null || !"GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    String parameter = page.getKey();
    String[] pairs = query.split("&");
    String token = null;
    boolean found = false;
    for (String pair : pairs) {
      if (parameter.equals(name(pair))) {
        found = true;
        token = pair.contains("=") ? decode(pair.substring(pair.indexOf('=') + 1)) : "";
      }
    }
    if (!found) {
      chain.doFilter(request, response);
      return;
    }
    LinkCookie cookie = page.getValue();
    cookie.hand(request, response, token, -1);
    String rest =
        Arrays.stream(pairs)
            .filter(pair -> !pair.isEmpty() && !parameter.equals(name(pair)))
            .collect(Collectors.joining("&"));
    SessionCookies.harden(request, response);
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location", request.getContextPath() + cookie.page() + (rest.isEmpty() ? "" : "?" + rest));
  }

  private static String name(String pair) {
    return decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return "";
    }
  }
}
