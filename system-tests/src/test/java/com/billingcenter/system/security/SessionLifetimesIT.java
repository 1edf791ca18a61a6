package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.PageSession;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.system.support.Shared;
import com.billingcenter.system.support.StrictServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A signed-in page session ends after its idle timeout without a request, and after its absolute
 * lifetime however busy. On the {@link StrictServer}, whose times are seconds (as shipped: 30
 * minutes idle, 12 hours at most; docs/configuration.md), so that the test waits seconds.
 */
@SecurityPromise
@ResourceLock(Shared.STRICT_SERVER)
@Order(3)
class SessionLifetimesIT {

  private static final String PASSWORD = "Lifetimes-test-2026";

  private static BillingCenterServer server;

  @BeforeAll
  static void start() {
    server = StrictServer.get();
  }

  @Test
  void anIdleSessionEndsAfterItsIdleTimeAndABusyOneAfterItsLifetime() throws Exception {
    String user = Http.register(server, Http.uniqueName("life"), PASSWORD);
    PageSession idle = new PageSession(server);
    PageSession busy = new PageSession(server);
    idle.logIn(user, PASSWORD);
    busy.logIn(user, PASSWORD);
    long signedIn = System.nanoTime();
    // The busy one asks a page every second: 8 s later it is past the idle time, still signed in.
    while (seconds(signedIn) < 8) {
      Thread.sleep(1000);
      assertTrue(busy.signedIn(), "a busy session goes on at " + seconds(signedIn) + " s");
    }
    assertFalse(idle.signedIn(), "8 s without a request, past the 4 s idle time: signed out");
    while (seconds(signedIn) < 17) {
      Thread.sleep(2000);
      if (!busy.signedIn()) {
        assertTrue(seconds(signedIn) >= 13, "not before its lifetime: " + seconds(signedIn));
        return;
      }
    }
    throw new AssertionError("a busy session outlived its 14 s lifetime");
  }

  private static long seconds(long since) {
    return (System.nanoTime() - since) / 1_000_000_000L;
  }
}
