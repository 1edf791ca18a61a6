package com.billingcenter.sandbox.aws;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /sns/certificate.pem}: the certificate of the key the sandbox signs SNS messages with.
 */
@WebServlet(urlPatterns = "/sns/certificate.pem")
public class SnsCertificateServlet extends HttpServlet {

  @Inject SnsPublisher publisher;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/x-pem-file");
    response.getWriter().write(publisher.certificatePem());
  }
}
