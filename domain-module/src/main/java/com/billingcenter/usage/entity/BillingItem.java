package com.billingcenter.usage.entity;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Something the sites measure and customers pay for (data points, log volume, …): its names and
 * unit in each UI language, its unit price per currency, and the AWS Marketplace metering dimension
 * its usage is sent as (null when it is not metered to AWS).
 */
public record BillingItem(
    String code,
    Map<String, String> names,
    Map<String, String> units,
    Map<Currency, BigDecimal> prices,
    String awsDimension) {

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
    if (!names.containsKey("en") || !units.containsKey("en")) {
      throw new IllegalArgumentException(
          "Billing item " + code + " needs an English name and unit.");
    }
    for (BigDecimal price : prices.values()) {
      if (price.signum() < 0) {
        throw new IllegalArgumentException("Billing item " + code + " has a negative price.");
      }
    }
    if (awsDimension != null && !DIMENSION.matcher(awsDimension).matches()) {
      throw new IllegalArgumentException(
          "Billing item " + code + ": an AWS dimension is 1 to 64 letters, digits, '_', '.', '-'.");
    }
  }

  /** The price of one unit in the currency, or empty when none is configured. */
  public java.util.Optional<BigDecimal> price(Currency currency) {
    return java.util.Optional.ofNullable(prices.get(currency));
  }

  /**
   * What {@code quantity} units cost in the currency, rounded half up to the currency's minor unit;
   * empty when the item has no price in it.
   */
  public java.util.Optional<BigDecimal> cost(long quantity, Currency currency) {
    return price(currency)
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
