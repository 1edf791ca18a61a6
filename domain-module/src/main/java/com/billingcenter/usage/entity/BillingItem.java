package com.billingcenter.usage.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something the sites measure and customers pay for (data points, log volume, …): its names and
 * unit in each UI language, its unit price per currency, the price changes that apply from a later
 * date, and the AWS Marketplace metering dimension its usage is sent as (null when it is not
 * metered to AWS).
 */
public record BillingItem(
    String code,
    Map<String, String> names,
    Map<String, String> units,
    Map<Currency, BigDecimal> prices,
    List<PriceChange> changes,
    String awsDimension) {

  /**
   * Prices that apply from 00:00 UTC of {@code from} on (to the usage of that day and later), in
   * the currencies they name; the others keep their earlier price.
   */
  public record PriceChange(LocalDate from, Map<Currency, BigDecimal> prices) {
    public PriceChange {
      Objects.requireNonNull(from, "from");
      prices = Map.copyOf(prices);
    }
  }

  /** An item whose prices never change. */
  public BillingItem(
      String code,
      Map<String, String> names,
      Map<String, String> units,
      Map<Currency, BigDecimal> prices,
      String awsDimension) {
    this(code, names, units, prices, List.of(), awsDimension);
  }

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,31}");
  private static final Pattern DIMENSION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public BillingItem {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "A billing item code is 2 to 32 lower-case letters, digits and dashes.");
    }
    names = Map.copyOf(names);
    units = Map.copyOf(units);
    prices = Map.copyOf(prices);
    changes = changes.stream().sorted(java.util.Comparator.comparing(PriceChange::from)).toList();
    for (int i = 1; i < changes.size(); i++) {
      if (changes.get(i).from().equals(changes.get(i - 1).from())) {
        throw new IllegalArgumentException(
            "Billing item " + code + " has two price changes from " + changes.get(i).from() + ".");
      }
    }
    if (!names.containsKey("en") || !units.containsKey("en")) {
      throw new IllegalArgumentException(
          "Billing item " + code + " needs an English name and unit.");
    }
    for (BigDecimal price :
        java.util.stream.Stream.concat(
                prices.values().stream(),
                changes.stream().flatMap(c -> c.prices().values().stream()))
            .toList()) {
      if (price.signum() < 0) {
        throw new IllegalArgumentException("Billing item " + code + " has a negative price.");
      }
    }
    if (awsDimension != null && !DIMENSION.matcher(awsDimension).matches()) {
      throw new IllegalArgumentException(
          "Billing item " + code + ": an AWS dimension is 1 to 64 letters, digits, '_', '.', '-'.");
    }
  }

  /**
   * The price of one unit in the currency for usage of {@code day} (UTC): the latest change from
   * that day or before that names the currency, else the first price; empty when none is
   * configured.
   */
  public java.util.Optional<BigDecimal> price(Currency currency, LocalDate day) {
    BigDecimal price = prices.get(currency);
    for (PriceChange change : changes) {
      if (change.from().isAfter(day)) {
        break;
      }
      price = change.prices().getOrDefault(currency, price);
    }
    return java.util.Optional.ofNullable(price);
  }

  /** The days in {@code [from, to)} from which a price of this item changes. */
  public List<LocalDate> changesBetween(LocalDate from, LocalDate to) {
    return changes.stream()
        .map(PriceChange::from)
        .filter(d -> d.isAfter(from) && d.isBefore(to))
        .toList();
  }

  /**
   * What {@code quantity} units used on {@code day} cost in the currency, rounded half up to the
   * currency's minor unit; empty when the item has no price in it.
   */
  public java.util.Optional<BigDecimal> cost(long quantity, Currency currency, LocalDate day) {
    return price(currency, day)
        .map(
            p ->
                p.multiply(BigDecimal.valueOf(quantity))
                    .setScale(
                        Math.max(0, currency.getDefaultFractionDigits()),
                        java.math.RoundingMode.HALF_UP));
  }

  public String name(String language) {
    return names.getOrDefault(language, names.get("en"));
  }

  public String unit(String language) {
    return units.getOrDefault(language, units.get("en"));
  }
}
