package com.billingcenter.overview.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Amounts per label and currency as the Overview shows them: table rows and a bar chart. */
final class CostsByLabel {

  private static final String[] COLOURS = {"#1d6fa5", "#b5541b", "#2e7d32", "#6a1b9a"};

  private CostsByLabel() {}

  static Comparator<Currency> byCode() {
    return Comparator.comparing(Currency::getCurrencyCode);
  }

  static List<OverviewView.Cost> rows(Map<String, Map<Currency, BigDecimal>> grouped) {
    List<OverviewView.Cost> costs = new ArrayList<>();
    grouped.forEach(
        (label, amounts) -> {
          List<String> parts = new ArrayList<>();
          amounts.forEach((c, a) -> parts.add(a.toPlainString() + " " + c.getCurrencyCode()));
          costs.add(new OverviewView.Cost(label, String.join(", ", parts)));
        });
    return costs;
  }

  /** A horizontal bar chart (Chart.js): a bar per label, a dataset per currency. */
  static String barChart(Map<String, Map<Currency, BigDecimal>> grouped) {
    TreeSet<Currency> currencies = new TreeSet<>(byCode());
    grouped.values().forEach(m -> currencies.addAll(m.keySet()));
    JsonArrayBuilder labels = Json.createArrayBuilder();
    grouped.keySet().forEach(labels::add);
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    int colour = 0;
    for (Currency currency : currencies) {
      JsonArrayBuilder values = Json.createArrayBuilder();
      grouped.values().forEach(m -> values.add(m.getOrDefault(currency, BigDecimal.ZERO)));
      datasets.add(
          Json.createObjectBuilder()
              .add("label", currency.getCurrencyCode())
              .add("data", values)
              .add("backgroundColor", COLOURS[colour++ % COLOURS.length]));
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("indexAxis", "y")
                .add("animation", false)
                .add("responsive", true)
                .add("maintainAspectRatio", false))
        .build()
        .toString();
  }
}
