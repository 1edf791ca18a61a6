package com.billingcenter.system.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Replaces the application's clock in the in-container tests' deployment ({@link
 * ContainerDeployment}), so that a test can cross a month boundary or a 14-day countdown. It stands
 * still where it was set; {@link ContainerTest} resets it to the real time before each test.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class MovableClock extends Clock {

  private volatile Instant now = Instant.now();

  public void set(Instant instant) {
    now = instant;
  }

  /** Back to the real time (standing still there). */
  public void reset() {
    now = Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
