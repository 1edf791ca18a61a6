package com.billingcenter.metering.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.billingcenter.usage.entity.BillingItem;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DimensionQuantitiesTest {

  private static BillingItem item(String code, String dimension) {
    return new BillingItem(
        code,
        Map.of("en", code),
        Map.of("en", "unit"),
        Map.of(Currency.getInstance("USD"), BigDecimal.ONE),
        dimension);
  }

  private static final List<BillingItem> ITEMS =
      List.of(
          item("data-points", "DataPoints"),
          item("log-volume", "Logs"),
          item("log-archive", "Logs"),
          item("support", null));

  @Test
  void anIdleHourIsEveryDimensionWithZero() {
    assertEquals(Map.of("DataPoints", 0L, "Logs", 0L), DimensionQuantities.of(Map.of(), ITEMS));
  }

  @Test
  void itemsOfOneDimensionAreSummedAndItemsWithoutOneAreLeftOut() {
    assertEquals(
        Map.of("DataPoints", 7L, "Logs", 12L),
        DimensionQuantities.of(
            Map.of("data-points", 7L, "log-volume", 5L, "log-archive", 7L, "support", 99L), ITEMS));
  }

  @Test
  void dimensionsComeInNameOrder() {
    assertEquals(List.of("DataPoints", "Logs"), List.copyOf(DimensionQuantities.dimensions(ITEMS)));
  }

  @Test
  void eachItemWithADimensionIsFoundByItsCode() {
    assertEquals(
        Map.of("data-points", "DataPoints", "log-volume", "Logs", "log-archive", "Logs"),
        DimensionQuantities.dimensionOf(ITEMS));
  }
}
