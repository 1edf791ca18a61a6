package com.billingcenter.marketplace.web;

import com.billingcenter.platform.web.ApiErrors;
import com.billingcenter.platform.web.ClientAddress;
import com.billingcenter.platform.web.OversizeBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** The JSON answers of the marketplace's machine endpoints (EventBridge, SNS). */
final class JsonAnswers {

  private static final Logger LOG = Logger.getLogger(JsonAnswers.class.getName());

  private JsonAnswers() {}

  /** A refusal: logged (who, what, why; never a secret or the body) and answered as JSON. */
  static void refuse(
      String what,
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String code,
      String message)
      throws IOException {
    LOG.info(
        () ->
            what
                + " refused ("
                + status
                + " "
                + code
                + ") from "
                + ClientAddress.of(request)
                + ": "
                + message);
    answer(response, status, ApiErrors.json(code, message));
  }

  /**
   * The request's body, at most {@code max} bytes; or null when it is larger, after answering 413
   * with {@code code} and {@code message} (the rest of the body is read and discarded).
   */
  static byte[] body(
      String what,
      HttpServletRequest request,
      HttpServletResponse response,
      int max,
      String code,
      String message)
      throws IOException {
    byte[] body = null;
    if (request.getContentLengthLong() <= max) {
      try (InputStream in = request.getInputStream()) {
        body = in.readNBytes(max + 1);
      }
    }
    if (body == null || body.length > max) {
      OversizeBodies.discard(request, response);
      refuse(what, request, response, 413, code, message);
      return null;
    }
    return body;
  }

  static void answer(HttpServletResponse response, int status, String json) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json);
  }
}
