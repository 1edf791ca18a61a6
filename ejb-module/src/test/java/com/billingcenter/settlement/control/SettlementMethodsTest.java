package com.billingcenter.settlement.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.site.entity.Site;
import com.billingcenter.workspace.entity.Settlement;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettlementMethodsTest {

  /** A cloud that is not AWS: adding it is adding a bean, nothing else. */
  static final class ExampleCloud implements SettlementMethod {
    @Override
    public String code() {
      return "example-cloud";
    }

    @Override
    public List<SettlementOption> options(long ownerId) {
      return List.of(new SettlementOption(code(), 7L, "example-7"));
    }

    @Override
    public Settlement settlement(long ownerId, Long cloudAccountId) {
      return Settlement.cloudAccount(code(), cloudAccountId);
    }
  }

  private static final Site CN1 =
      new Site(
          "cn1",
          Map.of("en", "China 1"),
          "cn-hangzhou",
          Currency.getInstance("CNY"),
          "billing-center",
          Set.of("billing-center"));
  private static final Site US1 =
      new Site(
          "us1",
          Map.of("en", "Americas 1"),
          "us-west-2",
          Currency.getInstance("USD"),
          "billing-center",
          Set.of("billing-center", "example-cloud"));

  private final SettlementMethods methods = new SettlementMethods();

  SettlementMethodsTest() {
    methods.register(List.of(new ExampleCloud(), new BillingCenterSettlement()));
  }

  @Test
  void billingCenterAccountComesFirstThenTheClouds() {
    assertEquals(List.of("billing-center", "example-cloud"), methods.codes());
  }

  @Test
  void siteDecidesWhichMethodsAWorkspaceMayUse() {
    assertEquals(List.of("billing-center"), methods.allowed(CN1, false));
    assertEquals(List.of("billing-center", "example-cloud"), methods.allowed(US1, false));
    assertEquals(
        List.of("billing-center"),
        methods.options(1, CN1, false).stream().map(SettlementOption::method).toList());
  }

  @Test
  void arbitrarySelectionAllowsEveryMethodOnAnySite() {
    assertEquals(List.of("billing-center", "example-cloud"), methods.allowed(CN1, true));
    assertEquals(
        Settlement.cloudAccount("example-cloud", 7),
        methods.choose(1, CN1, true, "example-cloud", 7L));
  }

  @Test
  void methodTheSiteForbidsIsRefused() {
    var refused =
        assertThrows(RuleViolation.class, () -> methods.choose(1, CN1, false, "example-cloud", 7L));
    assertEquals("settlement.notAllowed", refused.code());
  }

  @Test
  void unknownMethodIsRefused() {
    var refused =
        assertThrows(RuleViolation.class, () -> methods.choose(1, US1, true, "bitcoin", null));
    assertEquals("settlement.unknown", refused.code());
    assertEquals(
        "settlement.unknown",
        assertThrows(RuleViolation.class, () -> methods.choose(1, US1, true, null, null)).code());
  }

  @Test
  void twoMethodsWithOneCodeStopTheStart() {
    var twice = new SettlementMethods();
    assertThrows(
        IllegalStateException.class,
        () ->
            twice.register(List.of(new BillingCenterSettlement(), new BillingCenterSettlement())));
  }

  @Test
  void optionKeysNameTheMethodAndTheCloudAccount() {
    assertEquals("billing-center", new SettlementOption("billing-center", null, null).key());
    assertEquals("aws:51", new SettlementOption("aws", 51L, "123456789012").key());
  }
}
