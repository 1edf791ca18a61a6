package com.billingcenter.bill.control;

import com.billingcenter.marketplace.control.AgreementsInForce;
import com.billingcenter.marketplace.control.AgreementsInForce.ReadAgreement;
import com.billingcenter.marketplace.entity.AgreementTerms.PricingModel;
import com.billingcenter.platform.control.Sql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The prices an AWS agreement's accepted terms give (its usage-based rate card, in its currency):
 * what AWS charges the buyer for the usage metered to it ("AWS calculates a customer's bill using
 * the metering data along with the prices that you provided", Seller Guide, metering for usage), so
 * the bill says the same. The agreement is the one in force ({@link AgreementsInForce}) on the
 * line's day: bills are kept per day, so an agreement that starts within a day prices that whole
 * day. A dimension its rate card does not price, and an account without readable terms, keep the
 * list price.
 */
final class AgreementPrices {

  /** A line priced by an agreement. */
  record Priced(String agreementId, Currency currency, BigDecimal unitPrice, BigDecimal amount) {}

  private final Map<Long, AgreementsInForce.OfAccount> agreements;

  private AgreementPrices(Map<Long, AgreementsInForce.OfAccount> agreements) {
    this.agreements = agreements;
  }

  /** The read agreements of every cloud account of the owner. */
  static AgreementPrices ofOwner(DataSource dataSource, long ownerId) {
    try (Connection c = dataSource.getConnection()) {
      List<Long> accounts =
          Sql.list(
              c, "SELECT id FROM cloud_account WHERE owner_id = ?", row -> row.getLong(1), ownerId);
      return new AgreementPrices(AgreementsInForce.of(c, accounts));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the agreements' prices: " + e, e);
    }
  }

  /** The read agreements, per cloud account. */
  Map<Long, AgreementsInForce.OfAccount> byAccount() {
    return agreements;
  }

  /** The days in {@code [first, end)} on which one of the agreements starts. */
  List<LocalDate> startsBetween(LocalDate first, LocalDate end) {
    return agreements.values().stream()
        .flatMap(a -> a.newestFirst().stream())
        .map(ReadAgreement::startsAt)
        .filter(Objects::nonNull)
        .map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC))
        .filter(day -> !day.isBefore(first) && day.isBefore(end))
        .toList();
  }

  /**
   * {@code quantity} units of {@code dimension} used by the account on {@code day}, at the rate
   * card of the agreement in force by the day's end; empty when none prices it.
   */
  Optional<Priced> price(long cloudAccountId, LocalDate day, String dimension, long quantity) {
    AgreementsInForce.OfAccount ofAccount = agreements.get(cloudAccountId);
    if (ofAccount == null || dimension == null) {
      return Optional.empty();
    }
    Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    return ofAccount.at(endOfDay).flatMap(a -> price(a, dimension, quantity));
  }

  /**
   * {@code quantity} units of {@code dimension} at the agreement's rate; empty if none. A contract
   * paid upfront only charges no usage ("your application never sends metering records", Seller
   * Guide, "SaaS contracts"): its rate is 0.
   */
  static Optional<Priced> price(ReadAgreement agreement, String dimension, long quantity) {
    BigDecimal rate =
        agreement.model() == PricingModel.CONTRACT
            ? BigDecimal.ZERO
            : agreement.rates().get(dimension);
    Currency currency = agreement.currency();
    if (rate == null || currency == null) {
      return Optional.empty();
    }
    BigDecimal amount =
        rate.multiply(BigDecimal.valueOf(quantity))
            .setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
    return Optional.of(new Priced(agreement.agreementId(), currency, rate, amount));
  }
}
