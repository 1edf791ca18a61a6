package com.billingcenter.marketplace.aws.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsMarketplaceTest {

  @Test
  void plausibleTokensPassTheLocalCheck() {
    assertTrue(AwsMarketplace.looksLikeToken("Lk2d/9x+Zq=="));
  }

  @Test
  void missingOversizedOrControlCharacterTokensFailTheLocalCheck() {
    assertFalse(AwsMarketplace.looksLikeToken(null));
    assertFalse(AwsMarketplace.looksLikeToken("  "));
    assertFalse(AwsMarketplace.looksLikeToken("a".repeat(AwsMarketplace.MAX_TOKEN_LENGTH + 1)));
    assertFalse(AwsMarketplace.looksLikeToken("abc\r\nX-Injected: 1"));
    assertFalse(AwsMarketplace.looksLikeToken("tab\there"));
    assertFalse(AwsMarketplace.looksLikeToken("ünïcode"));
  }

  @Test
  void licenseArnIsReadFromTheRawAnswer() {
    byte[] answer =
        "{\"CustomerAWSAccountId\":\"123456789012\",\"LicenseArn\":\"arn:aws:license-manager::1:license:l-1\",\"ProductCode\":\"p\"}"
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "arn:aws:license-manager::1:license:l-1",
        RawAnswer.text(RawAnswer.objectOf(answer), "LicenseArn"));
  }

  @Test
  void answerWithoutLicenseOrNotJsonGivesNoLicense() {
    assertNull(licenseArnOf("{\"CustomerIdentifier\":\"c\"}"));
    assertNull(licenseArnOf("{\"LicenseArn\":42}"));
    assertNull(licenseArnOf("<html>"));
    assertNull(licenseArnOf("[\"LicenseArn\"]"));
  }

  private static String licenseArnOf(String answer) {
    return RawAnswer.text(
        RawAnswer.objectOf(answer.getBytes(StandardCharsets.UTF_8)), "LicenseArn");
  }

  /**
   * "The AWS Marketplace Entitlement Service is available only in the US East (N. Virginia) Region"
   * (Seller Guide, checking-entitlements.html): metering may be configured elsewhere.
   */
  @Test
  void entitlementsAreAskedInUsEast1WhateverTheMeteringRegion() {
    AwsMarketplaceSettings frankfurt =
        new AwsMarketplaceSettings(
            "eu-central-1",
            "p",
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty());
    assertEquals(
        software.amazon.awssdk.regions.Region.US_EAST_1,
        AwsMarketplace.entitlementRegion(AwsMarketplace.GLOBAL, frankfurt));
    AwsMarketplaceSettings ningxia =
        new AwsMarketplaceSettings(
            "cn-northwest-1",
            "p",
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty());
    assertEquals(
        software.amazon.awssdk.regions.Region.CN_NORTHWEST_1,
        AwsMarketplace.entitlementRegion(AwsMarketplace.CHINA, ningxia),
        "the China partition has its own");
  }

  @Test
  void settingsNeverPrintTheSecretKey() {
    var settings =
        new AwsMarketplaceSettings(
            "us-east-1",
            "prod",
            Optional.of(URI.create("http://localhost:8080/aws-sandbox")),
            Optional.of("AKIAEXAMPLE"),
            Optional.of("very-secret-key"));
    assertFalse(settings.toString().contains("very-secret-key"));
    assertFalse(settings.toString().contains("AKIAEXAMPLE"));
  }
}
