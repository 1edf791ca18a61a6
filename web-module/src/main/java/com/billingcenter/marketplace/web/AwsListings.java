package com.billingcenter.marketplace.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The product's AWS Marketplace listings ({@code billing.aws.listing-url}, and {@code
 * billing.aws-cn.listing-url} for AWS's China partition), for the pages that offer "Subscribe in
 * Amazon Web Services": the registration page here, Workspace Management elsewhere. A listing that
 * is not configured is not offered.
 */
@Named
@ApplicationScoped
public class AwsListings {

  /** The global partition's listing, or null. */
  public String getGlobal() {
    return of("aws");
  }

  /** The China partition's listing (site cn2), or null. */
  public String getChina() {
    return of("aws-cn");
  }

  private static String of(String partition) {
    return ConfigProvider.getConfig()
        .getOptionalValue("billing." + partition + ".listing-url", String.class)
        .filter(url -> !url.isBlank())
        .orElse(null);
  }
}
