package com.billingcenter.system.support;

/**
 * The names of what test classes running at the same time ({@code junit-platform.properties}) may
 * not share, for {@code @ResourceLock}: a class that needs one of them alone names it.
 */
public final class Shared {

  /** The {@link StrictServer}, which one of its tests restarts and another times. */
  public static final String STRICT_SERVER = "strict-server";

  /** The shared server's metering runs: one at a time, or the second is answered 409. */
  public static final String METERING_RUNS = "metering-runs";

  /** The run's {@link Cluster}, whose members a test kills. */
  public static final String CLUSTER = "cluster";

  private Shared() {}
}
