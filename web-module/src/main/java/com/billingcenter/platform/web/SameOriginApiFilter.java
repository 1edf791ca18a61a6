package com.billingcenter.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The JSON API refuses cross-site use: a call a browser makes on behalf of another site (its {@code
 * Sec-Fetch-Site} says {@code cross-site} or {@code same-site}, or its {@code Origin} is not this
 * host) gets 403 before anything runs, so that a page elsewhere cannot use a customer's browser and
 * its remembered credentials. Clients that are not browsers (sites, scripts, curl) send neither
 * header and are not affected. No CORS headers are ever sent.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class SameOriginApiFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(SameOriginApiFilter.class.getName());

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (crossSite(request)) {
      RefusedRequestLog.log(LOG, request, 403, "a cross-site API call");
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              ApiErrors.json("crossSite", "The API cannot be called from another site's pages."));
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean crossSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if ("cross-site".equals(fetchSite) || "same-site".equals(fetchSite)) {
      return true;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    String host = request.getHeader("Host");
    try {
      URI from = URI.create(origin);
      String authority =
          from.getPort() < 0 ? from.getHost() : from.getHost() + ":" + from.getPort();
      return host == null
          || from.getHost() == null
          || !stripDefaultPort(host).equalsIgnoreCase(stripDefaultPort(authority));
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private static String stripDefaultPort(String authority) {
    return authority.endsWith(":80") || authority.endsWith(":443")
        ? authority.substring(0, authority.lastIndexOf(':'))
        : authority;
  }
}
