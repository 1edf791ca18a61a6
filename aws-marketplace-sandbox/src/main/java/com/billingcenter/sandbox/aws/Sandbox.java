package com.billingcenter.sandbox.aws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one {@link SandboxMarketplace} of this deployment, configured by {@code sandbox.*}. */
@ApplicationScoped
public class Sandbox {

  @Produces
  @ApplicationScoped
  SandboxMarketplace marketplace(
      @ConfigProperty(name = "sandbox.product-code", defaultValue = "billing-center-product")
          String productCode,
      @ConfigProperty(name = "sandbox.token-lifetime", defaultValue = "PT4H") String tokenLifetime,
      @ConfigProperty(
              name = "sandbox.dimensions",
              defaultValue = "DataPoints,LogVolume,Traces,SyntheticTests")
          String dimensions,
      @ConfigProperty(name = "sandbox.cn-product-code", defaultValue = "billing-center-product-cn")
          String chinaProductCode) {
    return new SandboxMarketplace(
        productCode,
        chinaProductCode,
        java.util.Arrays.stream(dimensions.split(","))
            .map(String::trim)
            .filter(d -> !d.isEmpty())
            .collect(java.util.stream.Collectors.toSet()),
        Duration.parse(tokenLifetime),
        Clock.systemUTC());
  }

  @Produces
  @ApplicationScoped
  Faults faults() {
    return new Faults();
  }
}
