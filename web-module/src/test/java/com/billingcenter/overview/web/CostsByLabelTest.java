package com.billingcenter.overview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CostsByLabelTest {

  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency CNY = Currency.getInstance("CNY");

  private static Map<Currency, BigDecimal> amounts(Object... currencyAndAmount) {
    Map<Currency, BigDecimal> amounts = new TreeMap<>(CostsByLabel.byCode());
    for (int i = 0; i < currencyAndAmount.length; i += 2) {
      amounts.put(
          (Currency) currencyAndAmount[i], new BigDecimal((String) currencyAndAmount[i + 1]));
    }
    return amounts;
  }

  @Test
  void theLargestAreShownFirstAndTheRestSummedAsOne() {
    Map<String, Map<Currency, BigDecimal>> workspaces = new LinkedHashMap<>();
    workspaces.put("small", amounts(USD, "1.00"));
    workspaces.put("big", amounts(USD, "9.00"));
    workspaces.put("middle", amounts(CNY, "5.00"));
    workspaces.put("tiny", amounts(USD, "0.50", CNY, "0.25"));

    Map<String, Map<Currency, BigDecimal>> shown = CostsByLabel.largest(workspaces, 2, "Others");

    assertEquals(List.of("big", "middle", "Others"), List.copyOf(shown.keySet()));
    assertEquals(amounts(USD, "1.50", CNY, "0.25"), shown.get("Others"), "small and tiny summed");
  }

  @Test
  void fewerThanShownAreAllShownWithoutOthers() {
    Map<String, Map<Currency, BigDecimal>> workspaces = new LinkedHashMap<>();
    workspaces.put("only", amounts(USD, "2.00"));
    assertEquals(List.of("only"), List.copyOf(CostsByLabel.largest(workspaces, 10, "x").keySet()));
  }

  @Test
  void aRowSaysEveryCurrencyAndTheChartHasADatasetPerCurrency() {
    Map<String, Map<Currency, BigDecimal>> methods = new LinkedHashMap<>();
    methods.put("AWS 123", amounts(USD, "3.75", CNY, "1.20"));
    methods.put("Billing Center", amounts(CNY, "7.00"));

    // Ten days of a 30-day month gone: three times as much by its end.
    List<OverviewView.Cost> rows = CostsByLabel.rows(methods, BigDecimal.TEN, 30);
    assertEquals(
        new OverviewView.Cost("AWS 123", "1.20 CNY, 3.75 USD", "3.60 CNY, 11.25 USD"), rows.get(0));
    assertEquals(new OverviewView.Cost("Billing Center", "7.00 CNY", "21.00 CNY"), rows.get(1));

    String chart = CostsByLabel.barChart(methods);
    assertTrue(chart.contains("\"labels\":[\"AWS 123\",\"Billing Center\"]"), chart);
    assertTrue(chart.contains("\"label\":\"CNY\",\"data\":[1.20,7.00]"), chart);
    assertTrue(chart.contains("\"label\":\"USD\",\"data\":[3.75,0]"), chart);
  }

  /**
   * The forecast's run rate: the first hours of a month count as a whole day (no forecast of a
   * hundred times an hour's cost), and a month's last day as the month.
   */
  @Test
  void theForecastRunsAtTheDailyRateToTheMonthsEnd() {
    assertEquals(
        new BigDecimal("31.00"),
        CostsByLabel.forecast(new BigDecimal("1.00"), USD, new BigDecimal("0.0417"), 31));
    assertEquals(
        new BigDecimal("15.50"),
        CostsByLabel.forecast(new BigDecimal("7.75"), USD, new BigDecimal("15.5"), 31));
    assertEquals(
        new BigDecimal("9.99"),
        CostsByLabel.forecast(new BigDecimal("9.99"), USD, new BigDecimal("31"), 31));
  }

  /** A workspace's name is the customer's text: in the page's inline script it ends nothing. */
  @Test
  void aLabelCannotEndTheChartsScriptElement() {
    Map<String, Map<Currency, BigDecimal>> workspaces = new LinkedHashMap<>();
    workspaces.put("</script><script>alert('x')</script> & <!--", amounts(USD, "1.00"));
    String chart = CostsByLabel.barChart(workspaces);
    assertFalse(chart.contains("<") || chart.contains(">") || chart.contains("&"), chart);
    String label =
        jakarta.json.Json.createReader(new java.io.StringReader(chart))
            .readObject()
            .getJsonObject("data")
            .getJsonArray("labels")
            .getString(0);
    assertEquals("</script><script>alert('x')</script> & <!--", label, "the same JSON");
  }
}
