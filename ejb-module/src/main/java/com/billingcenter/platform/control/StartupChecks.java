package com.billingcenter.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Configuration the Billing Center refuses to start with, and configuration it starts with but
 * warns about, each naming the setting: no product code for AWS's global partition (or for the
 * China partition once it has credentials), an EventBridge secret shorter than 16 characters; an
 * AWS endpoint or pinned SNS certificates that point anywhere but AWS (a sandbox or test set-up,
 * never production).
 */
@Singleton
@Startup
public class StartupChecks {

  private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

  /** The shortest EventBridge secret accepted: a guessable header is no authentication. */
  public static final int MIN_EVENTS_SECRET = 16;

  /** What is wrong (refused) and what is suspicious (warned) in one configuration. */
  public record Findings(List<String> refusals, List<String> warnings) {}

  @PostConstruct
  void check() {
    var config = ConfigProvider.getConfig();
    Findings findings = findings(key -> config.getOptionalValue(key, String.class));
    findings.warnings().forEach(LOG::warning);
    if (!findings.refusals().isEmpty()) {
      String all = String.join("; ", findings.refusals());
      LOG.severe(() -> "The Billing Center does not start: " + all);
      throw new IllegalStateException("The Billing Center does not start: " + all);
    }
  }

  /** The findings of the configuration {@code setting} reads (an empty value reads as unset). */
  public static Findings findings(Function<String, Optional<String>> setting) {
    List<String> refusals = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Function<String, Optional<String>> set =
        key -> setting.apply(key).map(String::strip).filter(v -> !v.isEmpty());
    if (set.apply("billing.aws.product-code").isEmpty()) {
      refusals.add("billing.aws.product-code is empty: set the product code of the AWS listing");
    }
    boolean china =
        set.apply("billing.aws-cn.access-key-id").isPresent()
            || set.apply("billing.aws-cn.endpoint-override").isPresent();
    if (china && set.apply("billing.aws-cn.product-code").isEmpty()) {
      refusals.add(
          "billing.aws-cn.product-code is empty while billing.aws-cn.* is configured: set the"
              + " product code of the China listing");
    }
    set.apply("billing.aws.events.secret")
        .filter(secret -> secret.length() < MIN_EVENTS_SECRET)
        .ifPresent(
            secret ->
                refusals.add(
                    "billing.aws.events.secret has "
                        + secret.length()
                        + " characters: use at least "
                        + MIN_EVENTS_SECRET
                        + " (a random one)"));
    for (String prefix : List.of("billing.aws", "billing.aws-cn")) {
      String key = prefix + ".endpoint-override";
      set.apply(key)
          .filter(endpoint -> !isAws(endpoint))
          .ifPresent(
              endpoint ->
                  warnings.add(
                      key
                          + " sends AWS Marketplace calls to "
                          + endpoint
                          + ", which is not AWS: a sandbox or test endpoint, never for production"));
    }
    set.apply("billing.aws.sns.pinned-certificates")
        .ifPresent(
            pinned ->
                warnings.add(
                    "billing.aws.sns.pinned-certificates trusts certificate files instead of"
                        + " fetching them from AWS: a sandbox or test set-up, never for production"));
    return new Findings(List.copyOf(refusals), List.copyOf(warnings));
  }

  /** Whether an endpoint is on one of AWS's own domains. */
  static boolean isAws(String endpoint) {
    try {
      String host = URI.create(endpoint).getHost();
      if (host == null) {
        return false;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
