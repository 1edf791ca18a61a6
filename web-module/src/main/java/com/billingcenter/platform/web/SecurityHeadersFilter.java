package com.billingcenter.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every response carries: no framing (clickjacking), no MIME sniffing, no referrer beyond
 * our origin, and no caching of pages that show account data. Scripts are not yet restricted by the
 * Content-Security-Policy because Faces and PrimeFaces still write inline handlers.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    apply(request, response);
    chain.doFilter(request, response);
  }

  /**
   * Sets the headers; also called by the authentication mechanism, whose 401s and redirects are
   * answered before any filter runs.
   */
  static void apply(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader(
        "Content-Security-Policy", "frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (ClientAddress.isHttps(request)) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/jakarta.faces.resource/") && !path.startsWith("/resources/")) {
      response.setHeader("Cache-Control", "no-store");
    }
  }
}
