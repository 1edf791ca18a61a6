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
 * rest of the session. Without a choice a page follows the browser's {@code Accept-Language}.
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
    if ("en".equals(lang) || "zh".equals(lang)) {
      request.getSession().setAttribute(CHOSEN_LOCALE, Locale.forLanguageTag(lang));
    }
    chain.doFilter(request, response);
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
