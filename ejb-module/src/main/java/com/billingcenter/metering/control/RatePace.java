package com.billingcenter.metering.control;

/** Lets at most {@code perSecond} calls start per second, evenly spaced, across threads. */
public class RatePace implements Sending.Pace {

  private final long intervalNanos;
  private long next = System.nanoTime();

  public RatePace(double perSecond) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("A call rate is above zero.");
    }
    this.intervalNanos = (long) (1_000_000_000L / perSecond);
  }

  @Override
  public void await() throws InterruptedException {
    long slot;
    synchronized (this) {
      long now = System.nanoTime();
      slot = Math.max(now, next);
      next = slot + intervalNanos;
    }
    long wait = slot - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
    }
  }
}
