package com.billingcenter.site.entity;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A regional deployment of the product. {@code settlementMethods} are the method codes a workspace
 * on this site may use ({@code billing-center}, {@code aws}, …); an account with "arbitrary
 * selection" may use any method anyway.
 */
public record Site(
    String code,
    Map<String, String> names,
    String region,
    Currency currency,
    String defaultSettlement,
    Set<String> settlementMethods) {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]{1,15}");

  public Site {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("A site code is 2 to 16 lower-case letters and digits.");
    }
    names = Map.copyOf(names);
    if (!names.containsKey("en")) {
      throw new IllegalArgumentException("Site " + code + " needs an English name.");
    }
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(currency, "currency");
    settlementMethods = Set.copyOf(settlementMethods);
    if (!settlementMethods.contains(defaultSettlement)) {
      throw new IllegalArgumentException(
          "Site " + code + ": the default settlement method must be one it allows.");
    }
  }

  /** Whether a workspace on this site may settle by this method. */
  public boolean allows(String settlementMethod) {
    return settlementMethods.contains(settlementMethod);
  }

  /** The name in the page's language, English where there is none. */
  public String name(Locale locale) {
    return names.getOrDefault(locale.getLanguage(), names.get("en"));
  }
}
