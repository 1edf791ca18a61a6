package com.billingcenter.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * One log line for every request answered with a 4xx or 5xx status: method, path (never the query
 * string, which may carry a token), status and the client's address ({@link ClientAddress}). No
 * header or body is logged, so no credential, key or secret can reach the log. Refusals decided
 * before any filter runs (a wrong or missing credential, a throttled sign-in) are logged by the
 * authentication mechanism itself; the places that know why they refused log that reason too.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RefusedRequestLog extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(RefusedRequestLog.class.getName());

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } finally {
      int status = response.getStatus();
      if (status >= 400) {
        log(LOG, request, status, null);
      }
    }
  }

  /**
   * Logs a refusal, the same way everywhere: {@code Refused POST /api/v1/accounts with 413: why
   * (from 203.0.113.9)}, on {@code logger} so that its class is named.
   */
  public static void log(Logger logger, HttpServletRequest request, int status, String why) {
    logger.info(
        () ->
            "Refused "
                + request.getMethod()
                + " "
                + printable(request.getRequestURI())
                + " with "
                + status
                + (why == null ? "" : ": " + why)
                + " (from "
                + ClientAddress.of(request)
                + ")");
  }

  /** The path as it may be logged: no control characters (no forged log lines), at most 200. */
  static String printable(String path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.length() && out.length() < 200; i++) {
      char c = path.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return path.length() > 200 ? out + "…" : out.toString();
  }
}
