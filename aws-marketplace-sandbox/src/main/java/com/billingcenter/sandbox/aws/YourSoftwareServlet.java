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
 * notifications for a legacy product's buyer). For testers, the Manage page also renews or replaces
 * the agreement ({@code POST /your-software/renewal}), under the same or a new license, its events
 * in the order chosen ({@link SandboxRenewals}).
 */
@WebServlet(
    urlPatterns = {
      "/your-software",
      "/your-software/manage",
      "/your-software/unsubscribe",
      "/your-software/renewal"
    })
public class YourSoftwareServlet extends HttpServlet {

  @Inject SandboxMarketplace marketplace;
  @Inject SellerEvents events;
  @Inject SandboxRenewals renewals;

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
                <form method="post" action="renewal"><fieldset><legend>Renew (tester)</legend>
                  <input type="hidden" name="account" value="%1$s">
                  <p><label for="kind">What AWS does</label><br><select id="kind" name="kind">
                    <option value="renew">Renew the agreement (intent RENEW)</option>
                    <option value="replace">Replace it by a new offer (intent REPLACE)</option>
                  </select></p>
                  <p><input type="checkbox" id="newLicense" name="newLicense" value="true">
                  <label for="newLicense">under a new license</label></p>
                  <p><label for="order">The events' order</label><br><select id="order" name="order">
                    <option value="ended,created,updated,deprovisioned">Ended, Created, License Updated, License Deprovisioned</option>
                    <option value="deprovisioned,updated,created,ended">License Deprovisioned first (the worst order)</option>
                    <option value="created,updated,ended,deprovisioned">Created first</option>
                  </select></p>
                  <p><button id="renew" type="submit">Renew</button></p>
                </fieldset></form>
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

  private void renew(HttpServletRequest request, HttpServletResponse response, String account)
      throws IOException {
    String kind = request.getParameter("kind");
    if (!"renew".equals(kind) && !"replace".equals(kind)) {
      page(response, 400, "Renewal failed", "<p>kind is renew or replace.</p>");
      return;
    }
    SandboxRenewals.Renewal renewal;
    try {
      renewal =
          renewals.renew(
              account,
              "true".equals(request.getParameter("newLicense")),
              "replace".equals(kind),
              request.getParameter("order"),
              true);
    } catch (IllegalArgumentException e) {
      page(response, 400, "Renewal failed", "<p>" + escape(e.getMessage()) + "</p>");
      return;
    }
    page(
        response,
        200,
        "replace".equals(kind) ? "Replaced" : "Renewed",
        """
        <p id="done">Agreement <code>%s</code> now, license <code id="license">%s</code>.</p>
        <p>Events sent to the seller:</p><ul>%s</ul>
        """
            .formatted(
                escape(renewal.after().agreementId()),
                escape(renewal.after().licenseArn()),
                deliveries(renewal.sent())));
  }

  private static String deliveries(List<SellerEvents.Delivery> deliveries) {
    StringBuilder rows = new StringBuilder();
    for (SellerEvents.Delivery d : deliveries) {
      rows.append("<li>")
          .append(escape(d.detailType()))
          .append(": the seller answered ")
          .append(d.status())
          .append("</li>");
    }
    return rows.toString();
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String account = request.getParameter("account");
    Optional<SandboxMarketplace.Buyer> buyer =
        account == null ? Optional.empty() : marketplace.buyer(account);
    if (buyer.isEmpty()
        || !(request.getServletPath().endsWith("/unsubscribe")
            || request.getServletPath().endsWith("/renewal"))) {
      page(response, 404, "Not found", "<p>No subscription for this AWS account.</p>");
      return;
    }
    if (request.getServletPath().endsWith("/renewal")) {
      renew(request, response, account);
      return;
    }
    if (!marketplace.unsubscribe(account)) {
      page(response, 200, "Unsubscribed", "<p>This subscription had already ended.</p>");
      return;
    }
    String rows = deliveries(events.unsubscribed(buyer.get(), Instant.now()));
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
