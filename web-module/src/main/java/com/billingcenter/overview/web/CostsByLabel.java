package com.billingcenter.overview.web;

import com.billingcenter.platform.control.JsonText;
import com.billingcenter.platform.web.InlineJson;
import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Amounts per label and currency as the Overview shows them: table rows and a bar chart. */
final class CostsByLabel {

  private static final String[] COLOURS = {"#1d6fa5", "#b5541b", "#2e7d32", "#6a1b9a"};

  private CostsByLabel() {}

  static Comparator<Currency> byCode() {
    return Comparator.comparing(Currency::getCurrencyCode);
  }

  /**
   * The {@code shown} largest labels (by the sum of their amounts, whatever the currency), largest
   * first, and the rest summed as one label {@code others}.
   */
  static Map<String, Map<Currency, BigDecimal>> largest(
      Map<String, Map<Currency, BigDecimal>> grouped, int shown, String others) {
    List<Map.Entry<String, Map<Currency, BigDecimal>>> ranked = new ArrayList<>(grouped.entrySet());
    ranked.sort(
        Comparator.comparing(
                (Map.Entry<String, Map<Currency, BigDecimal>> e) ->
                    e.getValue().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
            .reversed());
    Map<String, Map<Currency, BigDecimal>> largest = new LinkedHashMap<>();
    for (int i = 0; i < ranked.size(); i++) {
      String label = i < shown ? ranked.get(i).getKey() : others;
      ranked
          .get(i)
          .getValue()
          .forEach(
              (c, a) ->
                  largest
                      .computeIfAbsent(label, k -> new TreeMap<>(byCode()))
                      .merge(c, a, BigDecimal::add));
    }
    return largest;
  }

  /**
   * A row per label: its amounts so far, and the month-end forecast at this month's daily run rate
   * ({@code elapsed} of the month's {@code days} days gone: so far ÷ elapsed × days).
   */
  static List<OverviewView.Cost> rows(
      Map<String, Map<Currency, BigDecimal>> grouped, BigDecimal elapsed, int days) {
    List<OverviewView.Cost> costs = new ArrayList<>();
    grouped.forEach(
        (label, amounts) -> {
          List<String> parts = new ArrayList<>();
          List<String> forecast = new ArrayList<>();
          amounts.forEach(
              (c, a) -> {
                parts.add(a.toPlainString() + " " + c.getCurrencyCode());
                forecast.add(
                    forecast(a, c, elapsed, days).toPlainString() + " " + c.getCurrencyCode());
              });
          costs.add(
              new OverviewView.Cost(label, String.join(", ", parts), String.join(", ", forecast)));
        });
    return costs;
  }

  /** {@code soFar} at the same daily rate to the month's end, in the currency's minor unit. */
  static BigDecimal forecast(BigDecimal soFar, Currency currency, BigDecimal elapsed, int days) {
    BigDecimal gone = elapsed.max(BigDecimal.ONE).min(BigDecimal.valueOf(days));
    return soFar
        .multiply(BigDecimal.valueOf(days))
        .divide(
            gone, Math.max(0, currency.getDefaultFractionDigits()), java.math.RoundingMode.HALF_UP);
  }

  /** A horizontal bar chart (Chart.js): a bar per label, a dataset per currency. */
  static String barChart(Map<String, Map<Currency, BigDecimal>> grouped) {
    TreeSet<Currency> currencies = new TreeSet<>(byCode());
    grouped.values().forEach(m -> currencies.addAll(m.keySet()));
    JsonArrayBuilder labels = JsonText.PROVIDER.createArrayBuilder();
    grouped.keySet().forEach(labels::add);
    JsonArrayBuilder datasets = JsonText.PROVIDER.createArrayBuilder();
    int colour = 0;
    for (Currency currency : currencies) {
      JsonArrayBuilder values = JsonText.PROVIDER.createArrayBuilder();
      grouped.values().forEach(m -> values.add(m.getOrDefault(currency, BigDecimal.ZERO)));
      datasets.add(
          JsonText.PROVIDER
              .createObjectBuilder()
              .add("label", currency.getCurrencyCode())
              .add("data", values)
              .add("backgroundColor", COLOURS[colour++ % COLOURS.length]));
    }
    return InlineJson.of(
        JsonText.PROVIDER
            .createObjectBuilder()
            .add("type", "bar")
            .add(
                "data",
                JsonText.PROVIDER
                    .createObjectBuilder()
                    .add("labels", labels)
                    .add("datasets", datasets))
            .add(
                "options",
                JsonText.PROVIDER
                    .createObjectBuilder()
                    .add("indexAxis", "y")
                    .add("animation", false)
                    .add("responsive", true)
                    .add("maintainAspectRatio", false))
            .build());
  }
}
