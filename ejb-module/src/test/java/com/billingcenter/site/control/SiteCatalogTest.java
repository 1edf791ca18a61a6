package com.billingcenter.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SiteCatalogTest {

  private static SiteCatalog parse(String json) {
    return SiteCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shippedConfigurationHasTheProductsSites() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("..", "config", "sites.json"))) {
      SiteCatalog catalog = SiteCatalog.parse(in);
      assertEquals(9, catalog.all().size());
      var us1 = catalog.find("us1").orElseThrow();
      assertTrue(us1.allows("aws"));
      assertTrue(us1.allows("billing-center"));
      assertEquals("USD", us1.currency().getCurrencyCode());
      assertFalse(catalog.find("cn1").orElseThrow().allows("aws"));
      assertEquals("中国区2（宁夏）", catalog.find("cn2").orElseThrow().name(Locale.CHINESE));
      // cn2 (Ningxia) is in AWS's China partition: settled by its Marketplace, not the global one.
      assertTrue(catalog.find("cn2").orElseThrow().allows("aws-cn"));
      assertFalse(catalog.find("cn2").orElseThrow().allows("aws"));
      for (String global : new String[] {"us1", "eu1", "ap1"}) {
        assertTrue(catalog.find(global).orElseThrow().allows("aws"), global);
        assertFalse(catalog.find(global).orElseThrow().allows("aws-cn"), global);
      }
      assertTrue(catalog.find("xx9").isEmpty());
    }
  }

  /**
   * Each shipped site's currency: the mainland sites settle in CNY, Hong Kong and the overseas
   * sites in USD (the product's FAQ, GuanceCloud/guance-docs
   * docs/en/billing/faq/settlement-bill.md: "How can workspaces under Hong Kong and overseas sites
   * use RMB settlement? Please contact your account manager", and the same the other way for
   * domestic sites and US dollars).
   */
  @Test
  void shippedSitesSettleMainlandChinaInCnyAndHongKongAndOverseasInUsd() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("..", "config", "sites.json"))) {
      SiteCatalog catalog = SiteCatalog.parse(in);
      java.util.Map<String, String> currencies = new java.util.TreeMap<>();
      catalog.all().forEach(site -> currencies.put(site.code(), site.currency().getCurrencyCode()));
      assertEquals(
          new java.util.TreeMap<>(
              java.util.Map.of(
                  "cn1", "CNY", "cn2", "CNY", "cn4", "CNY", "cn6", "USD", "us1", "USD", "eu1",
                  "USD", "ap1", "USD", "za1", "USD", "id1", "USD")),
          currencies);
    }
  }

  @Test
  void siteWithoutItsDefaultAmongItsMethodsIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            parse(
                "{\"sites\":[{\"code\":\"us1\",\"names\":{\"en\":\"Oregon\"},\"region\":\"us-west-2\","
                    + "\"currency\":\"USD\",\"defaultSettlement\":\"aws\","
                    + "\"settlementMethods\":[\"billing-center\"]}]}"));
  }

  @Test
  void duplicateUnknownCurrencyOrMalformedFilesAreRefused() {
    String site =
        "{\"code\":\"us1\",\"names\":{\"en\":\"Oregon\"},\"region\":\"us-west-2\",\"currency\":\"%s\","
            + "\"defaultSettlement\":\"billing-center\",\"settlementMethods\":[\"billing-center\"]}";
    String usd = site.formatted("USD");
    assertThrows(
        IllegalArgumentException.class, () -> parse("{\"sites\":[" + usd + "," + usd + "]}"));
    assertThrows(
        IllegalArgumentException.class, () -> parse("{\"sites\":[" + site.formatted("XYZ") + "]}"));
    assertThrows(IllegalArgumentException.class, () -> parse("{\"sites\":[]}"));
    assertThrows(IllegalArgumentException.class, () -> parse("{\"sites\":"));
    assertThrows(IllegalArgumentException.class, () -> parse("{}"));
  }

  @Test
  void shapeErrorsAreNamedWithTheSite() {
    var noRegion =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                parse(
                    "{\"sites\":[{\"code\":\"us1\",\"names\":{\"en\":\"Oregon\"},\"region\":7,"
                        + "\"currency\":\"USD\",\"defaultSettlement\":\"billing-center\","
                        + "\"settlementMethods\":[\"billing-center\"]}]}"));
    assertEquals("Site us1: \"region\" must be a text.", noRegion.getMessage());
    var notAnObject = assertThrows(IllegalArgumentException.class, () -> parse("{\"sites\":[42]}"));
    assertEquals("Site 1 is not a JSON object.", notAnObject.getMessage());
  }

  @Test
  void cloudDefaultIsRefusedBecauseNewWorkspacesHaveNoCloudAccountYet() {
    var refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                parse(
                    "{\"sites\":[{\"code\":\"us1\",\"names\":{\"en\":\"Oregon\"},"
                        + "\"region\":\"us-west-2\",\"currency\":\"USD\",\"defaultSettlement\":\"aws\","
                        + "\"settlementMethods\":[\"billing-center\",\"aws\"]}]}"));
    assertTrue(refused.getMessage().contains("default settlement method"), refused.getMessage());
  }
}
