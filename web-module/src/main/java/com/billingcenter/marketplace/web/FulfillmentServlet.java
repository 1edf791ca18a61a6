package com.billingcenter.marketplace.web;

import com.billingcenter.marketplace.boundary.MarketplaceRegistrations;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.entity.Registration;
import com.billingcenter.platform.web.OversizeBodies;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * AWS Marketplace's fulfillment URL: after "Set up your account" AWS posts the buyer's browser here
 * with the form field {@code x-amzn-marketplace-token}. The buyer is resolved and recorded, and the
 * browser goes on (303) to the set-up page with a one-time reference of ours; AWS's token never
 * appears in a URL. Anything else gets an explanatory page with a 4xx (or 5xx when AWS cannot be
 * reached), and nothing is stored.
 */
@WebServlet(urlPatterns = {"/marketplace/aws/fulfillment", "/marketplace/aws-cn/fulfillment"})
public class FulfillmentServlet extends HttpServlet {

  static final String TOKEN = "x-amzn-marketplace-token";

  /** The form field that names the kind of offer the buyer took. */
  static final String OFFER_TYPE = "x-amzn-marketplace-offer-type";

  /** A form with one token is a few hundred bytes; anything much larger is not from AWS. */
  static final int MAX_BODY = 16 * 1024;

  private static final Logger LOG = Logger.getLogger(FulfillmentServlet.class.getName());

  @Inject MarketplaceRegistrations registrations;
  @Inject FulfillmentLimit limit;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    long length = request.getContentLengthLong();
    if (length > MAX_BODY) {
      OversizeBodies.discard(request, response);
      refuse(request, response, 413, "tooLarge");
      return;
    }
    if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
      // A browser posting a form always says how long it is; a stream of unknown length is not one.
      refuse(request, response, 411, "notAForm");
      return;
    }
    String type = request.getContentType();
    if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      refuse(request, response, 415, "notAForm");
      return;
    }
    String token = request.getParameter(TOKEN);
    if (token == null || token.isBlank()) {
      refuse(request, response, 400, "missing");
      return;
    }
    // Counted before AWS is asked: each POST with a token costs a ResolveCustomer call.
    var tooMany = limit.refusedUntil(com.billingcenter.platform.web.ClientAddress.counted(request));
    if (tooMany.isPresent()) {
      LOG.info(
          () ->
              "Fulfillment refused: too many from "
                  + com.billingcenter.platform.web.ClientAddress.of(request));
      long seconds =
          Math.max(
              1, java.time.Duration.between(java.time.Instant.now(), tooMany.get()).toSeconds());
      response.setHeader("Retry-After", Long.toString(seconds));
      refuse(request, response, 429, "tooMany");
      return;
    }
    try {
      // Seller Guide, "SaaS free trials": a buyer from a free-trial offer is posted with
      // x-amzn-marketplace-offer-type=free-trial beside the token.
      boolean freeTrial = "free-trial".equals(request.getParameter(OFFER_TYPE));
      String provider = provider(request);
      if (ConfigProvider.getConfig()
          .getOptionalValue("billing." + provider + ".product-code", String.class)
          .filter(code -> !code.isBlank())
          .isEmpty()) {
        // A partition whose Marketplace is not configured takes no buyers.
        refuse(request, response, 503, "unavailable");
        return;
      }
      Registration registration = registrations.receive(provider, token, freeTrial);
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      // The reference goes in a cookie, not the URL: a URL ends up in access logs.
      SetupView.REFERENCE.hand(
          request, response, registration.reference(), SetupView.REFERENCE_SECONDS);
      response.setHeader("Location", request.getContextPath() + "/setup.xhtml");
    } catch (MarketplaceException refused) {
      LOG.info(
          () -> "Fulfillment refused: " + refused.reason() + " (" + refused.getMessage() + ")");
      switch (refused.reason()) {
        case INVALID_TOKEN -> refuse(request, response, 400, "invalid");
        case EXPIRED_TOKEN -> refuse(request, response, 400, "expired");
        case WRONG_PRODUCT -> refuse(request, response, 400, "wrongProduct");
        case UNAVAILABLE -> refuse(request, response, 503, "unavailable");
        case REFUSED -> refuse(request, response, 502, "refused");
      }
    }
  }

  /**
   * The AWS partition an endpoint serves: {@code aws-cn} under {@code /marketplace/aws-cn/} (the
   * China partition's listing and EventBridge rule point there), {@code aws} otherwise.
   */
  static String provider(HttpServletRequest request) {
    return request.getServletPath().startsWith("/marketplace/aws-cn/") ? "aws-cn" : "aws";
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    response.setHeader("Allow", "POST");
    refuse(request, response, 405, "notPosted");
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String reason)
      throws IOException, ServletException {
    request.setAttribute(MarketplaceErrorView.REASON, reason);
    response.setStatus(status);
    // The page is rendered as for a GET without parameters: Faces would otherwise take the refused
    // form for a postback and parse its body (which fails outright beyond the container's limit).
    HttpServletRequest withoutForm =
        new HttpServletRequestWrapper(request) {
          @Override
          public String getMethod() {
            return "GET";
          }

          @Override
          public String getParameter(String name) {
            return null;
          }

          @Override
          public java.util.Map<String, String[]> getParameterMap() {
            return java.util.Map.of();
          }

          @Override
          public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.emptyEnumeration();
          }

          @Override
          public String[] getParameterValues(String name) {
            return null;
          }
        };
    request.getRequestDispatcher("/errors/marketplace.xhtml").forward(withoutForm, response);
  }
}
