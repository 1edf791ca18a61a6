package com.billingcenter.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupChecksTest {

  private static StartupChecks.Findings check(Map<String, String> settings) {
    return StartupChecks.findings(key -> Optional.ofNullable(settings.get(key)));
  }

  private static Map<String, String> production() {
    Map<String, String> settings = new HashMap<>();
    settings.put("billing.aws.product-code", "prod-abc123");
    settings.put("billing.aws.events.secret", "a-random-secret-of-32-characters");
    return settings;
  }

  @Test
  void aProductionConfigurationStartsQuietly() {
    assertEquals(new StartupChecks.Findings(List.of(), List.of()), check(production()));
    var settings = production();
    settings.put(
        "billing.aws.endpoint-override", "https://metering.marketplace.us-east-1.amazonaws.com");
    assertEquals(List.of(), check(settings).warnings(), "an AWS endpoint is no warning");
  }

  @Test
  void anEmptyProductCodeIsRefused() {
    var settings = production();
    settings.put("billing.aws.product-code", "  ");
    var refusals = check(settings).refusals();
    assertEquals(1, refusals.size(), refusals.toString());
    assertTrue(refusals.get(0).startsWith("billing.aws.product-code"), refusals.toString());
  }

  @Test
  void theChinaPartitionNeedsItsProductCodeOnceConfigured() {
    var settings = production();
    settings.put("billing.aws-cn.access-key-id", "AKIA...");
    assertTrue(check(settings).refusals().get(0).startsWith("billing.aws-cn.product-code"));
    settings.put("billing.aws-cn.product-code", "prod-cn");
    assertEquals(List.of(), check(settings).refusals());
  }

  @Test
  void anEventsSecretUnderSixteenCharactersIsRefused() {
    var settings = production();
    settings.put("billing.aws.events.secret", "fifteen-chars-x");
    assertTrue(check(settings).refusals().get(0).contains("15 characters"));
    settings.put("billing.aws.events.secret", "sixteen-chars-xx");
    assertEquals(List.of(), check(settings).refusals());
  }

  @Test
  void aSandboxEndpointOrPinnedCertificatesAreWarnedAboutByName() {
    var settings = production();
    settings.put("billing.aws.endpoint-override", "http://localhost:8080/aws-sandbox");
    settings.put("billing.aws-cn.endpoint-override", "https://evil.amazonaws.com.example.org");
    settings.put("billing.aws-cn.product-code", "prod-cn");
    settings.put("billing.aws.sns.pinned-certificates", "https://x/cert.pem=/tmp/cert.pem");
    var warnings = check(settings).warnings();
    assertEquals(3, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("billing.aws.endpoint-override"));
    assertTrue(warnings.get(1).startsWith("billing.aws-cn.endpoint-override"));
    assertTrue(warnings.get(2).startsWith("billing.aws.sns.pinned-certificates"));
    assertEquals(List.of(), check(settings).refusals(), "warnings do not stop the start");
  }
}
