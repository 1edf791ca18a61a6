package com.billingcenter.marketplace.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fulfillment POSTs per client address ({@code billing.security.fulfillment.max-per-address} within
 * {@code …window}): each one costs a ResolveCustomer call to AWS, so one address may not spend them
 * without bound. Counted in this instance's memory (no database write on the buyer's way in): a
 * cluster of n instances lets an address through n times as often, which is still a bound. A buyer
 * needs one or two.
 */
@ApplicationScoped
public class FulfillmentLimit {

  /** Past this many addresses, counts whose window is over are dropped. */
  static final int MAX_TRACKED = 10_000;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "billing.security.fulfillment.max-per-address", defaultValue = "30")
  int perAddress;

  @Inject
  @ConfigProperty(name = "billing.security.fulfillment.window", defaultValue = "PT10M")
  Duration window;

  private record Count(Instant since, int n) {}

  private final Map<String, Count> counts = new ConcurrentHashMap<>();

  /** Counts one POST from {@code address}; if it is one too many, until when it is refused. */
  public Optional<Instant> refusedUntil(String address) {
    Instant now = clock.instant();
    if (counts.size() > MAX_TRACKED) {
      counts.values().removeIf(c -> !now.isBefore(c.since().plus(window)));
    }
    Count count =
        counts.compute(
            address,
            (a, c) ->
                c == null || !now.isBefore(c.since().plus(window))
                    ? new Count(now, 1)
                    : new Count(c.since(), c.n() + 1));
    return count.n() > perAddress ? Optional.of(count.since().plus(window)) : Optional.empty();
  }
}
