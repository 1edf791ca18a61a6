package com.billingcenter.marketplace.aws.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AwsLicensesTest {

  @Test
  void theFormsAwsWritesOfOneLicenseHaveOneKey() {
    // ResolveCustomer and real events
    String resolved =
        "arn:aws:license-manager::845735284135:license:l-E52CA6F38BF84D0FAFB8802CA15AC11X";
    // Seller Guide, "Amazon EventBridge events", License Updated - Manufacturer example
    String guide = "aws:license-manager:us-east-1:123456789012:l-e52ca6f38bf84d0fafb8802ca15ac11x";
    // China partition, and a slash before the resource id
    String china =
        "arn:aws-cn:license-manager::845735284135:license/l-e52ca6f38bf84d0fafb8802ca15ac11x";
    String key = AwsLicenses.key(resolved, null);
    assertEquals("l-e52ca6f38bf84d0fafb8802ca15ac11x", key);
    assertEquals(key, AwsLicenses.key(guide, null));
    assertEquals(key, AwsLicenses.key(china, null));
  }

  @Test
  void aLegacyBuyerIsKnownByTheCustomerIdentifier() {
    assertEquals("customer:abc123", AwsLicenses.key(null, "abc123"));
    assertThrows(IllegalArgumentException.class, () -> AwsLicenses.key(null, " "));
  }

  @Test
  void whatIsNoLicenseArnIsRefused() {
    assertFalse(AwsLicenses.isLicenseArn("arn:aws:s3:::bucket/l-abc"));
    assertFalse(AwsLicenses.isLicenseArn("arn:aws:license-manager::1:license:x-abc"));
    assertFalse(AwsLicenses.isLicenseArn(null));
    assertTrue(AwsLicenses.isLicenseArn("arn:aws:license-manager::1:license:l-abc"));
    assertThrows(
        IllegalArgumentException.class,
        () -> AwsLicenses.key("arn:aws:license-manager::1:x", null));
  }
}
