package com.billingcenter.usage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.usage.entity.BillingItem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingItemsTest {

  private static Map<String, BillingItem> parse(String json) {
    return BillingItems.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theShippedItemsArePricedInEverySitesCurrencyAndMeteredToAws() throws Exception {
    try (InputStream in = getClass().getResourceAsStream(BillingItems.PACKAGED)) {
      Map<String, BillingItem> items = BillingItems.parse(in);
      assertEquals(4, items.size());
      for (BillingItem item : items.values()) {
        assertTrue(
            item.price(Currency.getInstance("USD"), java.time.LocalDate.now()).isPresent(),
            item.code());
        assertTrue(
            item.price(Currency.getInstance("CNY"), java.time.LocalDate.now()).isPresent(),
            item.code());
        assertTrue(item.awsDimension() != null, item.code());
        assertTrue(item.names().containsKey("zh"), item.code());
      }
    }
  }

  private static final java.time.LocalDate DAY = java.time.LocalDate.of(2026, 12, 7);

  /** A price change applies from its day on, in the currencies it names; the others keep theirs. */
  @Test
  void aPriceChangeAppliesFromItsDay() {
    BillingItem points =
        parse(
                "{\"items\": [{\"code\": \"data-points\", \"names\": {\"en\": \"P\"},"
                    + " \"unit\": {\"en\": \"M\"}, \"prices\": {\"USD\": \"0.25\", \"CNY\": \"1.80\"},"
                    + " \"priceChanges\": [{\"from\": \"2027-02-01\", \"prices\": {\"USD\": \"0.40\"}},"
                    + " {\"from\": \"2027-01-15\", \"prices\": {\"USD\": \"0.30\"}}]}]}")
            .get("data-points");
    Currency usd = Currency.getInstance("USD");
    assertEquals(
        new BigDecimal("0.25"), points.price(usd, java.time.LocalDate.of(2027, 1, 14)).get());
    assertEquals(
        new BigDecimal("0.30"), points.price(usd, java.time.LocalDate.of(2027, 1, 15)).get());
    assertEquals(
        new BigDecimal("0.40"), points.price(usd, java.time.LocalDate.of(2027, 3, 1)).get());
    assertEquals(
        new BigDecimal("1.80"),
        points.price(Currency.getInstance("CNY"), java.time.LocalDate.of(2027, 3, 1)).get(),
        "a currency the change does not name keeps its price");
    assertEquals(
        java.util.List.of(java.time.LocalDate.of(2027, 1, 15)),
        points.changesBetween(
            java.time.LocalDate.of(2027, 1, 1), java.time.LocalDate.of(2027, 2, 1)));
  }

  @Test
  void aCostIsRoundedHalfUpToTheCurrencysMinorUnit() {
    BillingItem tests =
        parse(
                "{\"items\": [{\"code\": \"synthetic-tests\", \"names\": {\"en\": \"T\"},"
                    + " \"unit\": {\"en\": \"run\"}, \"prices\": {\"USD\": \"0.002\", \"JPY\": \"0.3\"}}]}")
            .get("synthetic-tests");
    assertEquals(new BigDecimal("0.01"), tests.cost(3, Currency.getInstance("USD"), DAY).get());
    assertEquals(new BigDecimal("1"), tests.cost(4, Currency.getInstance("JPY"), DAY).get());
    assertEquals(
        new BigDecimal("2"),
        tests.cost(5, Currency.getInstance("JPY"), DAY).get(),
        "1.5 rounds up");
    assertTrue(tests.cost(5, Currency.getInstance("EUR"), DAY).isEmpty());
  }

  @Test
  void aMalformedFileSaysWhatIsWrong() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> parse("{\"items\": []}"))
            .getMessage()
            .contains("non-empty"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    parse(
                        "{\"items\": [{\"code\": \"x1\", \"names\": {\"en\": \"X\"}, \"unit\":"
                            + " {\"en\": \"u\"}, \"prices\": {\"USD\": \"cheap\"}}]}"))
            .getMessage()
            .contains("price"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    parse(
                        "{\"items\": [{\"code\": \"x1\", \"names\": {\"en\": \"X\"}, \"unit\":"
                            + " {\"en\": \"u\"}, \"prices\": {\"USD\": \"-1\"}}]}"))
            .getMessage()
            .contains("negative"));
  }

  @Test
  void aMalformedAwsDimensionStopsTheStartNamingIt() {
    for (String dimension : new String[] {"Data Points", "", "x".repeat(256), "Logs\\u0000"}) {
      String message =
          assertThrows(
                  IllegalArgumentException.class,
                  () ->
                      parse(
                          "{\"items\": [{\"code\": \"x1\", \"names\": {\"en\": \"X\"}, \"unit\":"
                              + " {\"en\": \"u\"}, \"prices\": {\"USD\": \"1\"},"
                              + " \"awsDimension\": \""
                              + dimension
                              + "\"}]}"))
              .getMessage();
      assertTrue(message.contains("AWS dimension"), message);
    }
  }
}
