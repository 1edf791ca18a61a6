package com.billingcenter.sandbox.aws;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * The offer a tester subscribes to on the listing's page: the public offer, or one the seller would
 * make (Seller Guide, "Private offers", "SaaS contracts", "Free trials", "Future-dated offers"): a
 * usage-based private offer in any of AWS's currencies with its own rates, a contract (upfront
 * units only), a contract with consumption, a free trial, any of them starting on a later date. The
 * form's fields become the same {@code "offer"} JSON the control API takes ({@link
 * SandboxAgreements#read}).
 */
final class OfferForm {

  /** The currencies AWS lets private offers be in (AWS What's New 2024-10 and 2025-10; INR). */
  static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "AUD", "JPY", "INR");

  private OfferForm() {}

  /** The form's fields: the offer's kind, currency, dates and, per dimension, rate and units. */
  static String fields(Collection<String> dimensions) {
    StringBuilder html = new StringBuilder();
    html.append(
        """
        <fieldset id="offer"><legend>Offer</legend>
        <p><label for="pricing">Offer</label><br>
        <select id="pricing" name="pricing">
          <option value="public">Public offer: usage-based, at the listing's prices (USD)</option>
          <option value="subscription">Private offer: usage-based at its own rates</option>
          <option value="contract">Contract: units paid upfront, no usage charged</option>
          <option value="contractWithConsumption">Contract with consumption: units upfront, usage beyond them at the rates</option>
          <option value="freeTrial">Free trial: usage within the grants free, then the rates</option>
        </select></p>
        <p><label for="currency">Currency</label><br><select id="currency" name="currency">
        """);
    for (String currency : CURRENCIES) {
      html.append("<option value=\"")
          .append(currency)
          .append("\">")
          .append(currency)
          .append("</option>");
    }
    html.append(
        """
        </select></p>
        <p><label for="startsOn">Starts on (future-dated offer; empty: at once)</label><br>
        <input id="startsOn" name="startsOn" type="date"></p>
        <p><label for="trialDays">Free trial days</label><br>
        <input id="trialDays" name="trialDays" type="number" min="1" max="365" value="30"></p>
        <table><caption>Per dimension</caption><thead><tr><th scope="col">Dimension</th>
        <th scope="col">Rate per unit</th><th scope="col">Units bought (contract)</th>
        <th scope="col">Free units (trial)</th></tr></thead><tbody>
        """);
    for (String dimension : dimensions) {
      String d = SandboxPages.escape(dimension);
      html.append(
          """
          <tr><th scope="row">%1$s</th>
          <td><input aria-label="%1$s rate" id="rate-%1$s" name="rate-%1$s" inputmode="decimal"></td>
          <td><input aria-label="%1$s units bought" id="purchased-%1$s" name="purchased-%1$s" type="number" min="0"></td>
          <td><input aria-label="%1$s free units" id="grant-%1$s" name="grant-%1$s" type="number" min="0"></td></tr>
          """
              .formatted(d));
    }
    html.append("</tbody></table></fieldset>\n");
    return html.toString();
  }

  /**
   * The offer the form asks for, as the control API's JSON; null for the public offer.
   *
   * @throws IllegalArgumentException for a field that is not what it should be
   */
  static JsonObject read(HttpServletRequest request, Collection<String> dimensions) {
    String pricing = request.getParameter("pricing");
    if (pricing == null || pricing.isBlank() || pricing.equals("public")) {
      return null;
    }
    JsonObjectBuilder offer =
        Json.createObjectBuilder()
            .add("pricing", pricing)
            .add("currency", value(request, "currency", "USD"));
    JsonObjectBuilder rates = Json.createObjectBuilder();
    JsonObjectBuilder purchased = Json.createObjectBuilder();
    JsonObjectBuilder grants = Json.createObjectBuilder();
    for (String dimension : dimensions) {
      String rate = value(request, "rate-" + dimension, null);
      if (rate != null) {
        rates.add(dimension, new java.math.BigDecimal(rate).toPlainString());
      }
      String units = value(request, "purchased-" + dimension, null);
      if (units != null) {
        purchased.add(dimension, Integer.parseInt(units));
      }
      String free = value(request, "grant-" + dimension, null);
      if (free != null) {
        grants.add(dimension, Integer.parseInt(free));
      }
    }
    offer.add("rates", rates).add("purchased", purchased).add("grants", grants);
    String trialDays = value(request, "trialDays", null);
    if (pricing.equals("freeTrial") && trialDays != null) {
      offer.add("trialDays", Integer.parseInt(trialDays));
    }
    String startsOn = value(request, "startsOn", null);
    if (startsOn != null) {
      offer.add(
          "startsAt",
          LocalDate.parse(startsOn).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
    }
    return offer.build();
  }

  private static String value(HttpServletRequest request, String name, String otherwise) {
    String value = request.getParameter(name);
    return value == null || value.isBlank() ? otherwise : value.strip();
  }
}
