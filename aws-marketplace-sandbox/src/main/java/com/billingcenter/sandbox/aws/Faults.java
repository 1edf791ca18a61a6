package com.billingcenter.sandbox.aws;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults the sandbox injects into {@code BatchMeterUsage}, to test a seller's retries: a share of
 * calls throttled ({@code ThrottlingException}, 400) or failing ({@code
 * InternalServiceErrorException}, 500), a share of records left unprocessed, added latency, and a
 * quota of calls per second (0: none) beyond which calls are throttled, as AWS's is. And one error
 * every {@code ResolveCustomer} call answers until it is turned off, to test a seller's fulfillment
 * page when AWS fails. Thread-safe.
 */
public class Faults {

  /** The settings; rates between 0 and 1. */
  public record Settings(
      double throttleRate,
      double serverErrorRate,
      double unprocessedRate,
      long latencyMs,
      double callsPerSecond,
      String resolveCustomerError) {

    public static final Settings NONE = new Settings(0, 0, 0, 0, 0, null);

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
      if (resolveCustomerError != null
          && !RESOLVE_CUSTOMER_ERRORS.containsKey(resolveCustomerError)) {
        throw new IllegalArgumentException(
            "resolveCustomerError is one of " + RESOLVE_CUSTOMER_ERRORS.keySet() + ".");
      }
    }
  }

  /**
   * The errors of ResolveCustomer that no token causes, with their HTTP status (AWS Marketplace
   * Metering Service API reference, ResolveCustomer, Errors: DisabledApiException 400,
   * InternalServiceErrorException 500, ThrottlingException 400). ExpiredTokenException and
   * InvalidTokenException come from the tokens themselves.
   */
  static final Map<String, Integer> RESOLVE_CUSTOMER_ERRORS =
      Map.of(
          "DisabledApiException", 400,
          "InternalServiceErrorException", 500,
          "ThrottlingException", 400);

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

  /** Before a ResolveCustomer call: throws the error set for it, if one is. */
  public void beforeResolveCustomer() {
    String error = settings.resolveCustomerError();
    if (error != null) {
      throw new AwsError(
          RESOLVE_CUSTOMER_ERRORS.get(error), error, "Injected by the sandbox: " + error + ".");
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
