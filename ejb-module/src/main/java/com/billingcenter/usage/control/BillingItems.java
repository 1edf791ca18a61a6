package com.billingcenter.usage.control;

import com.billingcenter.platform.control.JsonText;
import com.billingcenter.usage.entity.BillingItem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The billing items, their prices and AWS dimensions: from the file named by {@code
 * billing.items.file}, or else the shipped {@code config/billing-items.json}. A malformed file
 * stops the start-up with a message naming the problem: pricing with a wrong idea of the items
 * would bill customers wrongly.
 */
@ApplicationScoped
public class BillingItems {

  static final String PACKAGED = "/META-INF/billing/billing-items.json";

  /**
   * A metering dimension's name as BatchMeterUsage takes it (AWS Marketplace API reference,
   * UsageRecord.Dimension: 1 to 255 characters, as defined in the listing, case-sensitive); we also
   * refuse spaces and other punctuation, which no listing's dimension key has, so that a typo stops
   * the start instead of failing every metering call with InvalidUsageDimensionException.
   */
  static final java.util.regex.Pattern DIMENSION =
      java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

  private static final Logger LOG = Logger.getLogger(BillingItems.class.getName());

  @Inject
  @ConfigProperty(name = "billing.items.file")
  Optional<String> file;

  private Map<String, BillingItem> items;

  @PostConstruct
  void load() {
    String source = file.filter(f -> !f.isBlank()).orElse(PACKAGED);
    try (InputStream in =
        source.equals(PACKAGED)
            ? BillingItems.class.getResourceAsStream(PACKAGED)
            : Files.newInputStream(Path.of(source))) {
      if (in == null) {
        throw new IllegalStateException("The packaged billing items " + PACKAGED + " are missing.");
      }
      items = parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the billing items file " + source, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + ": " + e.getMessage(), e);
    }
    LOG.info(() -> "Billing items: " + items.size() + " configured");
  }

  /** Parses a billing items file; see {@code config/billing-items.json}. */
  public static Map<String, BillingItem> parse(InputStream json) {
    JsonArray entries = JsonText.configured(json, "The billing items", "items");
    Map<String, BillingItem> items = new LinkedHashMap<>();
    for (JsonValue value : entries) {
      if (!(value instanceof JsonObject entry) || !(entry.get("code") instanceof JsonString code)) {
        throw new IllegalArgumentException("Each billing item is an object with a \"code\".");
      }
      String where = "Billing item " + code.getString();
      Map<Currency, BigDecimal> prices = prices(texts(entry, "prices", where), where);
      List<BillingItem.PriceChange> changes = new ArrayList<>();
      if (entry.containsKey("priceChanges")) {
        if (!(entry.get("priceChanges") instanceof JsonArray listed)) {
          throw new IllegalArgumentException(where + ": \"priceChanges\" must be a list.");
        }
        for (JsonValue listedChange : listed) {
          if (!(listedChange instanceof JsonObject change)
              || !(change.get("from") instanceof JsonString from)) {
            throw new IllegalArgumentException(
                where + ": each price change is an object with \"from\" (YYYY-MM-DD).");
          }
          try {
            changes.add(
                new BillingItem.PriceChange(
                    LocalDate.parse(from.getString()),
                    prices(texts(change, "prices", where), where)));
          } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                where + ": the price change from \"" + from.getString() + "\" is not a date.", e);
          }
        }
      }
      String dimension = entry.get("awsDimension") instanceof JsonString d ? d.getString() : null;
      if (dimension != null && !DIMENSION.matcher(dimension).matches()) {
        throw new IllegalArgumentException(
            where
                + ": the AWS dimension \""
                + dimension
                + "\" is not a dimension name (1 to 255 letters, digits and _.:-, no spaces).");
      }
      BillingItem item =
          new BillingItem(
              code.getString(),
              texts(entry, "names", where),
              texts(entry, "unit", where),
              prices,
              changes,
              dimension);
      if (items.putIfAbsent(item.code(), item) != null) {
        throw new IllegalArgumentException(where + " is configured twice.");
      }
    }
    return java.util.Collections.unmodifiableMap(items);
  }

  private static Map<Currency, BigDecimal> prices(Map<String, String> texts, String where) {
    Map<Currency, BigDecimal> prices = new LinkedHashMap<>();
    for (Map.Entry<String, String> price : texts.entrySet()) {
      try {
        prices.put(Currency.getInstance(price.getKey()), new BigDecimal(price.getValue()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            where + ": the price " + price.getKey() + " " + price.getValue() + " is not valid.", e);
      }
    }
    return prices;
  }

  private static Map<String, String> texts(JsonObject entry, String field, String where) {
    if (!(entry.get(field) instanceof JsonObject object)) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" must be an object of texts.");
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : object.entrySet()) {
      if (!(e.getValue() instanceof JsonString text) || text.getString().isBlank()) {
        throw new IllegalArgumentException(where + ": \"" + field + "\" holds texts only.");
      }
      texts.put(e.getKey(), text.getString());
    }
    return texts;
  }

  public Optional<BillingItem> find(String code) {
    return Optional.ofNullable(code == null ? null : items.get(code));
  }

  /**
   * What {@code quantity} of the item used on {@code day} costs in {@code currency}, at the price
   * in force that day; empty for an unknown item or one without a price in the currency.
   */
  public Optional<BigDecimal> cost(String code, long quantity, Currency currency, LocalDate day) {
    return find(code).flatMap(i -> i.cost(quantity, currency, day));
  }

  /** The item's name in {@code language} (en or zh), or its code when it is unknown. */
  public String name(String code, String language) {
    return find(code).map(i -> i.name(language)).orElse(code);
  }

  /** The item's unit in {@code language}, or nothing when it is unknown. */
  public String unit(String code, String language) {
    return find(code).map(i -> i.unit(language)).orElse("");
  }

  /** Every item, in the order of the file. */
  public Collection<BillingItem> all() {
    return items.values();
  }
}
