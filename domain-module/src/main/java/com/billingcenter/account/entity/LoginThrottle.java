package com.billingcenter.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Attempts counted against one key within a window: a user name, a client address, the pair of
 * both, a registering address, or an address a name signed in from ("known"). A hard-limited key
 * ({@link #failed}) refuses further attempts until {@code blockedUntil} once it holds {@code
 * limit}; a user name ({@link #failedWithDelay}) is never blocked, only made to wait a growing
 * delay between attempts ({@code nextAttemptAt}), so that strangers cannot lock its owner out.
 * Counts are the same whether or not the user name exists (a refusal tells nothing about accounts).
 */
@Entity
@Table(name = "login_throttle")
@NamedQuery(
    name = LoginThrottle.BY_KEYS,
    query = "select t from LoginThrottle t where t.key in :keys")
@NamedQuery(
    name = LoginThrottle.PURGE_COUNTS,
    query =
        "delete from LoginThrottle t where t.key not like 'known:%' and t.windowStart < :before"
            + " and (t.blockedUntil is null or t.blockedUntil < :now)"
            + " and (t.nextAttemptAt is null or t.nextAttemptAt < :now)")
@NamedQuery(
    name = LoginThrottle.PURGE_KNOWN,
    query = "delete from LoginThrottle t where t.key like 'known:%' and t.windowStart < :before")
public class LoginThrottle {

  public static final String BY_KEYS = "LoginThrottle.byKeys";
  public static final String PURGE_COUNTS = "LoginThrottle.purgeCounts";
  public static final String PURGE_KNOWN = "LoginThrottle.purgeKnown";

  /** The longest key: a prefix, a login account and an IP address. */
  public static final int MAX_KEY = 300;

  /** The longest delay {@link #failedWithDelay} doubles up to, whatever it is configured to. */
  private static final int MAX_DOUBLINGS = 20;

  @Id
  @Column(name = "throttle_key", length = MAX_KEY)
  private String key;

  @Column(nullable = false)
  private int failures;

  /**
   * Where the window starts; for a user name, its last failure; for a known address, its sign-in.
   */
  @Column(name = "window_start", nullable = false)
  private Instant windowStart;

  @Column(name = "blocked_until")
  private Instant blockedUntil;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Version private long version;

  protected LoginThrottle() {}

  public LoginThrottle(String key, Instant now) {
    this.key = fit(key);
    this.windowStart = now;
  }

  /** The key of a user name: trimmed and in lower case, as sign-in matches it. */
  public static String nameKey(String name) {
    return fit("name:" + normalized(name));
  }

  public static String addressKey(String address) {
    return fit("address:" + address);
  }

  /** The key of one user name tried from one address. */
  public static String pairKey(String name, String address) {
    return fit("pair:" + address + "|" + normalized(name));
  }

  /** The key that says a user name signed in from an address. */
  public static String knownKey(String name, String address) {
    return fit("known:" + address + "|" + normalized(name));
  }

  /** The key of registrations from one address. */
  public static String registrationKey(String address) {
    return fit("register:" + address);
  }

  /** The key of password reset requests from one address. */
  public static String passwordResetKey(String address) {
    return fit("reset:" + address);
  }

  private static String fit(String key) {
    return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
  }

  private static String normalized(String name) {
    return name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Counts an attempt at {@code now} as failed (until it proves right, see {@link #wasRight});
   * blocks for {@code block} once the window holds {@code limit}.
   */
  public void failed(Instant now, int limit, Duration window, Duration block) {
    if (blockedUntil != null
        ? !now.isBefore(blockedUntil)
        : now.isAfter(windowStart.plus(window))) {
      restart(now);
    }
    failures++;
    if (failures >= limit) {
      blockedUntil = now.plus(block);
    }
  }

  /**
   * Counts a failed attempt of a user name at {@code now}: after {@code free} failures each one
   * makes the next wait, 1 s, then twice as long each time up to {@code maxDelay}. The count ends
   * after {@code window} without a failure.
   */
  public void failedWithDelay(Instant now, int free, Duration window, Duration maxDelay) {
    if (now.isAfter(windowStart.plus(window))) {
      restart(now);
    }
    failures++;
    windowStart = now;
    if (failures > free) {
      long seconds = 1L << Math.min(MAX_DOUBLINGS, failures - free - 1);
      nextAttemptAt = now.plusSeconds(Math.max(1, Math.min(maxDelay.toSeconds(), seconds)));
    }
  }

  /** An attempt counted by {@link #failed} was right after all: it no longer counts. */
  public void wasRight(int limit) {
    if (failures > 0) {
      failures--;
    }
    if (failures < limit) {
      blockedUntil = null;
    }
  }

  /** Marks a sign-in at {@code now} (a known address). */
  public void signedIn(Instant now) {
    restart(now);
  }

  private void restart(Instant now) {
    windowStart = now;
    failures = 0;
    blockedUntil = null;
    nextAttemptAt = null;
  }

  /** Until when attempts are refused, if they are at {@code now} (blocked, or to wait). */
  public Optional<Instant> refusedAt(Instant now) {
    Instant until = null;
    if (blockedUntil != null && now.isBefore(blockedUntil)) {
      until = blockedUntil;
    }
    if (nextAttemptAt != null && now.isBefore(nextAttemptAt)) {
      until = until == null || nextAttemptAt.isAfter(until) ? nextAttemptAt : until;
    }
    return Optional.ofNullable(until);
  }

  /** Whether anything is counted here that a right password would take back or wait out. */
  public boolean counts() {
    return failures > 0 || blockedUntil != null || nextAttemptAt != null;
  }

  /** Whether this marks a sign-in no older than {@code knownFor} at {@code now}. */
  public boolean knownAt(Instant now, Duration knownFor) {
    return now.isBefore(windowStart.plus(knownFor));
  }

  public String key() {
    return key;
  }
}
