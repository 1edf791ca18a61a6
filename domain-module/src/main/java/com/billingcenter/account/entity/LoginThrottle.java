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
 * Failed sign-ins of one user name or from one address within a window: after {@code limit}
 * failures further attempts are refused until {@code blockedUntil}, whether or not the user name
 * exists (so the refusal tells nothing about accounts).
 */
@Entity
@Table(name = "login_throttle")
@NamedQuery(
    name = LoginThrottle.BY_KEYS,
    query = "select t from LoginThrottle t where t.key in :keys")
public class LoginThrottle {

  public static final String BY_KEYS = "LoginThrottle.byKeys";

  /** The longest key: "name:" and a login account, or "address:" and an IP address. */
  public static final int MAX_KEY = 300;

  @Id
  @Column(name = "throttle_key", length = MAX_KEY)
  private String key;

  @Column(nullable = false)
  private int failures;

  @Column(name = "window_start", nullable = false)
  private Instant windowStart;

  @Column(name = "blocked_until")
  private Instant blockedUntil;

  @Version private long version;

  protected LoginThrottle() {}

  public LoginThrottle(String key, Instant now) {
    this.key = key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    this.windowStart = now;
  }

  /** The key of a user name: trimmed and in lower case, as sign-in matches it. */
  public static String nameKey(String name) {
    return "name:" + (name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT));
  }

  public static String addressKey(String address) {
    return "address:" + address;
  }

  /**
   * Counts a failure at {@code now}; blocks for {@code block} once the window holds {@code limit}.
   */
  public void failed(Instant now, int limit, Duration window, Duration block) {
    if (now.isAfter(windowStart.plus(window))) {
      windowStart = now;
      failures = 0;
    }
    failures++;
    if (failures >= limit) {
      blockedUntil = now.plus(block);
      windowStart = now;
      failures = 0;
    }
  }

  /** Until when attempts are refused, if they are at {@code now}. */
  public Optional<Instant> blockedAt(Instant now) {
    return blockedUntil != null && now.isBefore(blockedUntil)
        ? Optional.of(blockedUntil)
        : Optional.empty();
  }

  public String key() {
    return key;
  }
}
