package com.billingcenter.sandbox.aws;

import static com.billingcenter.sandbox.aws.SandboxPages.escape;
import static com.billingcenter.sandbox.aws.SandboxPages.page;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Your Marketplace Software" as a buyer sees it, reduced to cancelling: {@code GET /your-software}
 * (the buyer's subscription, Manage) → {@code GET /your-software/manage} (Unsubscribe) → {@code GET
 * /your-software/unsubscribe} (Yes, Unsubscribe) → {@code POST /your-software/unsubscribe}: the
 * buyer's usage is refused from then on and the seller is sent the EventBridge events of it (SNS
 * notifications for a legacy product's buyer).
 */
@WebServlet(urlPatterns = {"/your-software", "/your-software/manage", "/your-software/unsubscribe"})
public class YourSoftwareServlet extends HttpServlet {

  @Inject SandboxMarketplace marketplace;
  @Inject SellerEvents events;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String account = request.getParameter("account");
    Optional<SandboxMarketplace.Buyer> buyer =
        account == null ? Optional.empty() : marketplace.buyer(account);
    if (buyer.isEmpty()) {
      page(
          response,
          account == null ? 200 : 404,
          "Your Marketplace Software",
          (account == null ? "" : "<p>No subscription for this AWS account.</p>")
              + """
              <form method="get" action="your-software">
                <p><label for="account">Your AWS account id (12 digits)</label><br>
                <input id="account" name="account" pattern="\\d{12}" required></p>
                <p><button id="show" type="submit">Show my subscriptions</button></p>
              </form>
              """);
      return;
    }
    String id = escape(buyer.get().awsAccountId());
    boolean subscribed = marketplace.subscribed(buyer.get().awsAccountId());
    String path = request.getServletPath();
    if (path.endsWith("/manage")) {
      page(
          response,
          200,
          "Manage subscription",
          subscribed
              ? """
                <p>Billing Center, AWS account <strong>%1$s</strong>: usage-based, billed hourly.</p>
                <p><a id="unsubscribe" href="unsubscribe?account=%1$s">Unsubscribe</a></p>
                """
                  .formatted(id)
              : "<p>This subscription has ended.</p>");
      return;
    }
    if (path.endsWith("/unsubscribe")) {
      page(
          response,
          200,
          "Unsubscribe from Billing Center?",
          """
          <p>AWS account <strong>%1$s</strong> will no longer be billed for Billing Center, and
          the seller is told at once.</p>
          <form method="post" action="unsubscribe">
            <input type="hidden" name="account" value="%1$s">
            <button id="confirm" type="submit">Yes, Unsubscribe</button>
          </form>
          <p><a href="manage?account=%1$s">No, keep it</a></p>
          """
              .formatted(id));
      return;
    }
    page(
        response,
        200,
        "Your Marketplace Software",
        """
        <table><thead><tr><th>Product</th><th>AWS account</th><th>Status</th><th></th></tr></thead>
        <tbody><tr><td>Billing Center</td><td>%1$s</td><td id="status">%2$s</td>
        <td><a id="manage" href="your-software/manage?account=%1$s">Manage</a></td></tr></tbody>
        </table>
        """
            .formatted(id, subscribed ? "Subscribed" : "Unsubscribed"));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String account = request.getParameter("account");
    Optional<SandboxMarketplace.Buyer> buyer =
        account == null ? Optional.empty() : marketplace.buyer(account);
    if (buyer.isEmpty() || !request.getServletPath().endsWith("/unsubscribe")) {
      page(response, 404, "Not found", "<p>No subscription for this AWS account.</p>");
      return;
    }
    if (!marketplace.unsubscribe(account)) {
      page(response, 200, "Unsubscribed", "<p>This subscription had already ended.</p>");
      return;
    }
    List<SellerEvents.Delivery> deliveries = events.unsubscribed(buyer.get(), Instant.now());
    StringBuilder rows = new StringBuilder();
    for (SellerEvents.Delivery d : deliveries) {
      rows.append("<li>")
          .append(escape(d.detailType()))
          .append(": the seller answered ")
          .append(d.status())
          .append("</li>");
    }
    page(
        response,
        200,
        "Unsubscribed",
        """
        <p id="done">AWS account <strong>%s</strong> is unsubscribed from Billing Center.</p>
        <p>Events sent to the seller:</p><ul>%s</ul>
        """
            .formatted(escape(account), rows));
  }
}
