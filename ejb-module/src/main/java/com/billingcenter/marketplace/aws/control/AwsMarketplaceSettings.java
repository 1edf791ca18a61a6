package com.billingcenter.marketplace.aws.control;

import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How to reach AWS Marketplace, from MicroProfile Config ({@code billing.aws.*}). Without an
 * endpoint override the SDK talks to AWS itself, with credentials from its default provider chain
 * (environment, profile, instance role); with one it talks to that URL, e.g. the local sandbox.
 */
public record AwsMarketplaceSettings(
    String region,
    String productCode,
    Optional<URI> endpointOverride,
    Optional<String> accessKeyId,
    Optional<String> secretAccessKey) {

  public static AwsMarketplaceSettings from(Config config) {
    return from(config, "billing.aws", "us-east-1");
  }

  /**
   * The settings under {@code prefix}: {@code billing.aws} for AWS's global partition, {@code
   * billing.aws-cn} for its China partition, whose Marketplace, credentials and product code are
   * separate (region {@code cn-northwest-1}, Ningxia, by default).
   */
  public static AwsMarketplaceSettings from(Config config, String prefix, String defaultRegion) {
    return new AwsMarketplaceSettings(
        config.getOptionalValue(prefix + ".region", String.class).orElse(defaultRegion),
        config.getOptionalValue(prefix + ".product-code", String.class).orElse(""),
        config.getOptionalValue(prefix + ".endpoint-override", String.class).map(URI::create),
        config.getOptionalValue(prefix + ".access-key-id", String.class),
        config.getOptionalValue(prefix + ".secret-access-key", String.class));
  }

  @Override
  public String toString() {
    // Never print the secret key.
    return "AwsMarketplaceSettings[region="
        + region
        + ", productCode="
        + productCode
        + ", endpointOverride="
        + endpointOverride.map(URI::toString).orElse("(AWS)")
        + ", staticCredentials="
        + accessKeyId.isPresent()
        + "]";
  }
}
