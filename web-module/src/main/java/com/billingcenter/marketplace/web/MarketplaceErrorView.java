package com.billingcenter.marketplace.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code errors/marketplace.xhtml}: why the way back from AWS Marketplace did not work. */
@Named
@RequestScoped
public class MarketplaceErrorView {

  static final String REASON = "billing.marketplaceError";

  private static final Set<String> REASONS =
      Set.of(
          "tooLarge",
          "notAForm",
          "missing",
          "invalid",
          "expired",
          "wrongProduct",
          "unavailable",
          "refused",
          "notPosted",
          "tooMany");

  @Inject FacesContext faces;

  @Inject
  @ConfigProperty(name = "billing.aws.listing-url")
  Optional<String> listingUrl;

  public String getReason() {
    Object reason = faces.getExternalContext().getRequestMap().get(REASON);
    return reason instanceof String r && REASONS.contains(r) ? r : "invalid";
  }

  public String getListingUrl() {
    return listingUrl.orElse("");
  }
}
