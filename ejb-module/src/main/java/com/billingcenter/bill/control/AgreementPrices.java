package com.billingcenter.bill.control;

import com.billingcenter.marketplace.entity.AgreementTerms;
import com.billingcenter.platform.control.Sql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The prices an AWS agreement's accepted terms give (its usage-based rate card, in its currency):
 * what AWS charges the buyer for the usage metered to it ("AWS calculates a customer's bill using
 * the metering data along with the prices that you provided", Seller Guide, metering for usage), so
 * the bill says the same. Per cloud account, the newest agreement of its license whose terms were
 * read; a dimension its rate card does not price, and an account without readable terms, keep the
 * list price.
 */
final class AgreementPrices {

  /** An agreement's rate card. */
  record RateCard(String agreementId, Currency currency, Map<String, BigDecimal> rates) {

    /** The line of {@code quantity} units of {@code dimension} at this rate card; empty if none. */
    Optional<Priced> price(String dimension, long quantity) {
      BigDecimal rate = dimension == null ? null : rates.get(dimension);
      if (rate == null || currency == null) {
        return Optional.empty();
      }
      BigDecimal amount =
          rate.multiply(BigDecimal.valueOf(quantity))
              .setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
      return Optional.of(new Priced(agreementId, currency, rate, amount));
    }
  }

  /** A line priced by an agreement. */
  record Priced(String agreementId, Currency currency, BigDecimal unitPrice, BigDecimal amount) {}

  private AgreementPrices() {}

  /** The rate cards of the accounts that have an agreement with read terms and a rate card. */
  static Map<Long, RateCard> of(DataSource dataSource, Collection<Long> accounts) {
    Map<Long, RateCard> cards = new HashMap<>();
    List<Long> ids = accounts.stream().distinct().toList();
    if (ids.isEmpty()) {
      return cards;
    }
    record Row(long account, String agreement, String currency, String rates) {}
    Set<Long> seen = new HashSet<>();
    for (Row row :
        Sql.list(
            dataSource,
            "the agreements' prices",
            "SELECT c.id, a.agreement_id, a.currency, a.usage_rates"
                + " FROM cloud_account c JOIN marketplace_agreement a"
                + " ON a.provider = c.provider AND a.license_key = c.license_id"
                + " WHERE a.terms_state = 'READ' AND c.id IN ("
                + Sql.placeholders(ids.size())
                + ") ORDER BY c.id, a.linked_at DESC, a.id DESC",
            r -> new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)),
            ids)) {
      // Newest agreement first: an account's first row is the agreement in force.
      if (seen.add(row.account()) && row.currency() != null) {
        cards.put(
            row.account(),
            new RateCard(
                row.agreement(),
                Currency.getInstance(row.currency()),
                AgreementTerms.readPrices(row.rates())));
      }
    }
    return cards;
  }
}
