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
    return new AwsMarketplaceSettings(
        config.getOptionalValue("billing.aws.region", String.class).orElse("us-east-1"),
        config.getOptionalValue("billing.aws.product-code", String.class).orElse(""),
        config.getOptionalValue("billing.aws.endpoint-override", String.class).map(URI::create),
        config.getOptionalValue("billing.aws.access-key-id", String.class),
        config.getOptionalValue("billing.aws.secret-access-key", String.class));
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
