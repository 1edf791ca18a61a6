package com.billingcenter.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The language switch: {@code ?lang=en} or {@code ?lang=zh} on any page keeps that language for the
 * rest of the session (on pages only: elsewhere it opens no session). Without a choice a page
 * follows the browser's {@code Accept-Language}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class LanguageFilter extends HttpFilter {

  /** Session attribute holding the chosen {@link Locale}. */
  public static final String CHOSEN_LOCALE = "billing.locale";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // From the query string only: getParameter would parse a form body here, before the servlet
    // that owns it has checked its size (a body over Grizzly's limit then fails the request).
    String lang = queryParameter(request.getQueryString(), "lang");
    if (("en".equals(lang) || "zh".equals(lang)) && isPage(request)) {
      request.getSession().setAttribute(CHOSEN_LOCALE, Locale.forLanguageTag(lang));
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether the request is for a page (the root or a Faces view): only pages keep a language, so
   * that {@code ?lang} on the API, the marketplace endpoints or the health check opens no session.
   */
  static boolean isPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.isEmpty() || "/".equals(path) || path.endsWith(".xhtml");
  }

  /** The first value of {@code name} in a query string (values here need no decoding). */
  static String queryParameter(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return pair.substring(equals + 1);
      }
    }
    return null;
  }
}
