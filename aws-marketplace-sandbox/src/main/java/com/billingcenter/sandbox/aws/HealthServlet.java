package com.billingcenter.sandbox.aws;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /aws-sandbox/health}: the sandbox answers. */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response.getWriter().write("{\"status\":\"UP\",\"service\":\"aws-marketplace-sandbox\"}");
  }
}
