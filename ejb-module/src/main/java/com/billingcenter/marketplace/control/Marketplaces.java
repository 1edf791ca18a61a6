package com.billingcenter.marketplace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The installed marketplace connections, by provider: each cloud account is reached through the
 * connection of its own provider (for AWS, one per partition: {@code aws}, {@code aws-cn}).
 */
@ApplicationScoped
public class Marketplaces {

  @Inject @Any Instance<CloudMarketplace> installed;

  /**
   * @throws IllegalStateException when no connection serves the provider
   */
  public CloudMarketplace of(String provider) {
    for (CloudMarketplace marketplace : installed) {
      if (marketplace.provider().equals(provider)) {
        return marketplace;
      }
    }
    throw new IllegalStateException("No marketplace connection for provider " + provider);
  }
}
