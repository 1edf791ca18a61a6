package com.billingcenter.marketplace.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fulfillment POSTs per client address ({@code billing.security.fulfillment.max-per-address} within
 * {@code …window}): each one costs a ResolveCustomer call to AWS, so one address may not spend them
 * without bound. Counted in this instance's memory (no database write on the buyer's way in): a
 * cluster of n instances lets an address through n times as often, which is still a bound. A buyer
 * needs one or two. At most {@link #MAX_TRACKED} addresses are counted, oldest window first, and a
 * request costs the same however many there are: windows that ended are dropped from the oldest end
 * as requests come, and while every slot holds a window still running, new addresses share one
 * count ({@link #OVERFLOW}) rather than push one out.
 */
@ApplicationScoped
public class FulfillmentLimit {

  /** The most addresses counted at once. */
  static final int MAX_TRACKED = 10_000;

  /** The count that addresses past {@link #MAX_TRACKED} share. */
  static final String OVERFLOW = "(overflow)";

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "billing.security.fulfillment.max-per-address", defaultValue = "30")
  int perAddress;

  @Inject
  @ConfigProperty(name = "billing.security.fulfillment.window", defaultValue = "PT10M")
  Duration window;

  private record Count(Instant since, int n) {}

  /** The counts, in the order their windows began (the oldest first); guarded by itself. */
  private final LinkedHashMap<String, Count> counts = new LinkedHashMap<>();

  /** Counts one POST from {@code address}; if it is one too many, until when it is refused. */
  public Optional<Instant> refusedUntil(String address) {
    Instant now = clock.instant();
    synchronized (counts) {
      for (var oldest = counts.values().iterator();
          oldest.hasNext() && !now.isBefore(oldest.next().since().plus(window)); ) {
        oldest.remove();
      }
      String key = counts.containsKey(address) || counts.size() < MAX_TRACKED ? address : OVERFLOW;
      Count count = counts.get(key);
      if (count == null || !now.isBefore(count.since().plus(window))) {
        // A window begins: at the end of the order.
        counts.remove(key);
        count = new Count(now, 1);
      } else {
        count = new Count(count.since(), count.n() + 1);
      }
      counts.put(key, count);
      return count.n() > perAddress ? Optional.of(count.since().plus(window)) : Optional.empty();
    }
  }

  /** How many counts are kept (for tests). */
  int tracked() {
    synchronized (counts) {
      return counts.size();
    }
  }
}
