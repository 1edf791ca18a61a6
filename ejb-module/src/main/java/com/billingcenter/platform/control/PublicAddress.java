package com.billingcenter.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where customers reach the Billing Center ({@code billing.public-url}, e.g. {@code
 * https://billing.example.com}): the start of every link a mail carries. The default suits the Run
 * command on its default port.
 */
@ApplicationScoped
public class PublicAddress {

  static final String DEFAULT = "http://localhost:8080";

  /** The absolute address of a page, e.g. {@code link("/login.xhtml")}. */
  public String link(String pathAndQuery) {
    String base =
        ConfigProvider.getConfig()
            .getOptionalValue("billing.public-url", String.class)
            .filter(url -> !url.isBlank())
            .orElse(DEFAULT);
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
  }
}
