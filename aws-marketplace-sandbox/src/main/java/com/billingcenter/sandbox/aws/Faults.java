package com.billingcenter.sandbox.aws;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults the sandbox injects into {@code BatchMeterUsage}, to test a seller's retries: a share of
 * calls throttled ({@code ThrottlingException}, 400) or failing ({@code
 * InternalServiceErrorException}, 500), a share of records left unprocessed, added latency, and a
 * quota of calls per second (0: none) beyond which calls are throttled, as AWS's is. Thread-safe.
 */
public class Faults {

  /** The settings; rates between 0 and 1. */
  public record Settings(
      double throttleRate,
      double serverErrorRate,
      double unprocessedRate,
      long latencyMs,
      double callsPerSecond) {

    public static final Settings NONE = new Settings(0, 0, 0, 0, 0);

    public Settings {
      for (double rate : new double[] {throttleRate, serverErrorRate, unprocessedRate}) {
        if (!(rate >= 0 && rate <= 1)) {
          throw new IllegalArgumentException("Rates are between 0 and 1.");
        }
      }
      if (latencyMs < 0 || latencyMs > 60_000) {
        throw new IllegalArgumentException("latencyMs is between 0 and 60000.");
      }
      if (!(callsPerSecond >= 0)) {
        throw new IllegalArgumentException("callsPerSecond is 0 (no quota) or more.");
      }
    }
  }

  private volatile Settings settings = Settings.NONE;
  private long windowSecond;
  private int callsInWindow;

  public Settings settings() {
    return settings;
  }

  public void set(Settings next) {
    settings = next;
  }

  /** Before a call: waits the latency, then throws the call's fault, if it draws one. */
  public void beforeCall() {
    Settings s = settings;
    if (s.latencyMs() > 0) {
      try {
        Thread.sleep(s.latencyMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (s.callsPerSecond() > 0 && !withinQuota(s.callsPerSecond())) {
      throw new AwsError(400, "ThrottlingException", "Rate exceeded.");
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (random.nextDouble() < s.throttleRate()) {
      throw new AwsError(400, "ThrottlingException", "Rate exceeded.");
    }
    if (random.nextDouble() < s.serverErrorRate()) {
      throw new AwsError(500, "InternalServiceErrorException", "An internal error occurred.");
    }
  }

  /** Whether this record is left unprocessed this time. */
  public boolean unprocessed() {
    return ThreadLocalRandom.current().nextDouble() < settings.unprocessedRate();
  }

  private synchronized boolean withinQuota(double perSecond) {
    long second = System.currentTimeMillis() / 1000;
    if (second != windowSecond) {
      windowSecond = second;
      callsInWindow = 0;
    }
    return ++callsInWindow <= perSecond;
  }
}
