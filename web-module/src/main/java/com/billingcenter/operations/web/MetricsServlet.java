package com.billingcenter.operations.web;

import com.billingcenter.operations.control.Gauges;
import com.billingcenter.operations.control.PrometheusText;
import com.billingcenter.platform.web.OperatorKey;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /metrics}: the business gauges ({@link Gauges}) in Prometheus's text format, for the
 * operators' key only ({@code X-Operator-Key}, or {@code Authorization: Bearer} with the key, as
 * Prometheus's {@code authorization} setting sends it). Payara Micro serves no {@code /metrics} of
 * its own beside an application deployed at {@code /}, so the application serves its gauges here. A
 * database that does not answer is a 503, never a gauge read as 0.
 */
@WebServlet(urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(MetricsServlet.class.getName());

  @Inject transient Gauges gauges;
  @Inject transient OperatorKey operatorKey;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!operatorKey.matches(givenKey(request))) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
      answer(response, 401, "The operators' key is needed (X-Operator-Key, or Bearer).");
      return;
    }
    String text;
    try {
      text = PrometheusText.of(gauges.read());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The gauges could not be read", e);
      answer(response, 503, "The gauges cannot be read now.");
      return;
    }
    response.setContentType(PrometheusText.CONTENT_TYPE);
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A refusal as plain text (an error page would be the customers' HTML). */
  private static void answer(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain; charset=utf-8");
    response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static String givenKey(HttpServletRequest request) {
    String header = request.getHeader(OperatorKey.HEADER);
    if (header != null) {
      return header;
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).strip();
    }
    return null;
  }
}
