package com.billingcenter.sandbox.aws;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The product's listing as a buyer sees it in AWS Marketplace, reduced to its three clicks: {@code
 * GET /listing} (Continue to Subscribe) → {@code GET /listing/subscribe} (the buyer's AWS account,
 * Subscribe) → {@code POST /listing/subscribe} (Set up your account), which posts a fresh
 * registration token to the seller's fulfillment URL from the browser, as AWS does.
 */
@WebServlet(urlPatterns = {"/listing", "/listing/subscribe"})
public class ListingServlet extends HttpServlet {

  @Inject SandboxMarketplace marketplace;
  @Inject SellerEvents events;
  @Inject SandboxAgreements agreements;

  @Inject
  @ConfigProperty(
      name = "sandbox.fulfillment-url",
      defaultValue = "http://localhost:8080/marketplace/aws/fulfillment")
  String fulfillmentUrl;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getServletPath().endsWith("/subscribe")) {
      String suggested =
          String.format(
              "%012d", ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
      page(
          response,
          200,
          "Subscribe to Billing Center",
          """
          <p>Pricing: usage-based, billed hourly through your AWS account, or an offer the
          seller made you.</p>
          <form method="post" action="subscribe">
            <p><label for="awsAccountId">Your AWS account id (12 digits)</label><br>
            <input id="awsAccountId" name="awsAccountId" value="%s" pattern="\\d{12}" required></p>
            %s
            <p><button id="subscribe" type="submit">Subscribe</button></p>
          </form>
          """
              .formatted(suggested, OfferForm.fields(dimensions())));
      return;
    }
    page(
        response,
        200,
        "Billing Center (AWS Marketplace sandbox listing)",
        """
        <p>Settle the cost of your workspaces through your AWS bill.</p>
        <p>Product code: <code>%s</code></p>
        <p><a id="continue" href="listing/subscribe">Continue to Subscribe</a></p>
        """
            .formatted(escape(marketplace.productCode())));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    SandboxMarketplace.Buyer buyer;
    String awsAccountId = request.getParameter("awsAccountId");
    boolean known = awsAccountId != null && marketplace.buyer(awsAccountId).isPresent();
    SandboxAgreements.Offer offer;
    try {
      jakarta.json.JsonObject asked = OfferForm.read(request, dimensions());
      offer = asked == null ? SandboxAgreements.Offer.publicOffer() : SandboxAgreements.read(asked);
      buyer = marketplace.subscribe(awsAccountId, false);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      page(response, 400, "Subscription failed", "<p>" + escape(e.getMessage()) + "</p>");
      return;
    }
    if (!known) {
      agreements.accepted(
          buyer.agreementId(), buyer.awsAccountId(), offer, java.time.Instant.now());
      // As AWS does, the seller hears of the subscription before the buyer sets up the account.
      events.subscribed(buyer, java.time.Instant.now());
    }
    String token = marketplace.newRegistrationToken(buyer.awsAccountId());
    page(
        response,
        200,
        "Thank you for subscribing",
        """
        <p>AWS account <strong id="account">%1$s</strong> is subscribed to Billing Center.</p>
        <p>License: <code id="license">%2$s</code></p>
        <form method="post" action="%3$s">
          <input type="hidden" name="x-amzn-marketplace-token" value="%4$s">
          <button id="setup" type="submit">Set up your account</button>
        </form>
        <p>Later: <a id="your-software" href="../your-software?account=%1$s">Your Marketplace
        Software</a> (manage or cancel the subscription).</p>
        """
            .formatted(
                buyer.awsAccountId(),
                escape(buyer.licenseArn()),
                escape(fulfillmentUrl),
                escape(token)));
  }

  /** The listing's dimensions, or the shipped ones when any is accepted. */
  private java.util.Collection<String> dimensions() {
    return marketplace.dimensions().isEmpty()
        ? java.util.List.of("DataPoints", "LogVolume", "Traces", "SyntheticTests")
        : new java.util.TreeSet<>(marketplace.dimensions());
  }

  private static void page(HttpServletResponse response, int status, String title, String body)
      throws IOException {
    SandboxPages.page(response, status, title, body);
  }

  private static String escape(String text) {
    return SandboxPages.escape(text);
  }
}
