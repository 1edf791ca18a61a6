package com.billingcenter.marketplace.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a buyer accepted in a marketplace agreement, as far as billing and metering go (AWS: the
 * accepted terms of {@code GetAgreementTerms}, AWS Marketplace Agreement Service API reference):
 *
 * <ul>
 *   <li>{@code usageRates}: the price of one unit per dimension (usage-based pricing term), in
 *       {@code currency};
 *   <li>{@code purchased}: the units bought per dimension for the contract period (configurable
 *       upfront pricing term's configuration; fixed upfront's grants);
 *   <li>{@code trialGrants}: the free trial's units per dimension ({@link Long#MAX_VALUE}:
 *       unlimited), for {@code trialDuration};
 *   <li>{@code startsAt}, {@code endsAt}: the validity term's dates, if it has them (a future-dated
 *       agreement starts later than it was accepted); {@code autoRenew}: the renewal term.
 * </ul>
 *
 * Its {@link PricingModel} follows from which terms are there.
 */
public record AgreementTerms(
    PricingModel model,
    String currency,
    Map<String, BigDecimal> usageRates,
    Map<String, Long> purchased,
    Map<String, Long> trialGrants,
    Period trialDuration,
    Instant startsAt,
    Instant endsAt,
    Boolean autoRenew,
    Described described) {

  /**
   * What the marketplace says of the agreement itself (AWS: {@code DescribeAgreement}): its status
   * ({@code ACTIVE}, {@code RENEWED}, {@code REPLACED}, {@code CANCELLED}, …), its type ({@code
   * PurchaseAgreement}), the acceptor's account, the offer accepted and when; any may be null.
   */
  public record Described(
      String status,
      String agreementType,
      String acceptorAccountId,
      String offerId,
      Instant acceptedAt) {}

  /** AWS: dimension keys are letters, digits, dots, dashes and underscores. */
  private static final Pattern DIMENSION = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  /**
   * How the agreement is paid (AWS's reference code, {@code GetAgreementPricingType}, from the set
   * of pricing terms accepted).
   */
  public enum PricingModel {
    /** Usage-based only: every unit is metered and charged at the rate card. */
    SUBSCRIPTION,
    /** Paid upfront only: nothing is metered ("your application never sends metering records"). */
    CONTRACT,
    /** Paid upfront, and usage beyond the purchased units metered at the usage rate. */
    CONTRACT_WITH_CONSUMPTION,
    /** A free trial: usage within its grants costs nothing. */
    FREE_TRIAL,
    /** No pricing term we know: the list price applies. */
    UNKNOWN
  }

  public AgreementTerms {
    Objects.requireNonNull(model, "model");
    usageRates = checked(usageRates);
    purchased = checked(purchased);
    trialGrants = checked(trialGrants);
    if (currency != null && !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("A currency is three capital letters: " + currency);
    }
  }

  private static <V> Map<String, V> checked(Map<String, V> values) {
    if (values == null) {
      return Map.of();
    }
    Map<String, V> copy = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (key == null || !DIMENSION.matcher(key).matches() || value == null) {
            throw new IllegalArgumentException("Not a dimension of an agreement's terms: " + key);
          }
          copy.put(key, value);
        });
    return Collections.unmodifiableMap(copy);
  }

  /**
   * The model from the pricing terms present (AWS's {@code GetAgreementPricingType}): a free trial
   * term makes a free trial; configurable upfront with usage-based, a contract with consumption;
   * configurable or fixed upfront, a contract; usage-based alone, a subscription.
   */
  public static PricingModel modelOf(
      boolean usageBased, boolean configurableUpfront, boolean fixedUpfront, boolean freeTrial) {
    if (freeTrial) {
      return PricingModel.FREE_TRIAL;
    }
    if (configurableUpfront && usageBased) {
      return PricingModel.CONTRACT_WITH_CONSUMPTION;
    }
    if (configurableUpfront || fixedUpfront) {
      return PricingModel.CONTRACT;
    }
    return usageBased ? PricingModel.SUBSCRIPTION : PricingModel.UNKNOWN;
  }

  /**
   * {@code key=value;…} as the columns keep a map (dimension keys hold no {@code =} or {@code ;}).
   */
  public static String write(Map<String, ?> values) {
    StringBuilder text = new StringBuilder();
    values.forEach(
        (key, value) ->
            text.append(text.length() == 0 ? "" : ";")
                .append(key)
                .append('=')
                .append(value instanceof BigDecimal d ? d.toPlainString() : value));
    return text.toString();
  }

  /** The prices a column keeps (see {@link #write}). */
  public static Map<String, BigDecimal> readPrices(String text) {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    pairs(text).forEach((k, v) -> values.put(k, new BigDecimal(v)));
    return values;
  }

  /** The quantities a column keeps (see {@link #write}). */
  public static Map<String, Long> readQuantities(String text) {
    Map<String, Long> values = new LinkedHashMap<>();
    pairs(text).forEach((k, v) -> values.put(k, Long.parseLong(v)));
    return values;
  }

  private static Map<String, String> pairs(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return values;
    }
    for (String pair : text.split(";")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return values;
  }
}
