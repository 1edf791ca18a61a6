package com.billingcenter.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The life of something a customer may use once before it expires, reached through a random token:
 * a mailed link, a marketplace registration's reference. When it was made, until when it may be
 * used, and when it was used (or withdrawn); the entity that embeds it words its own refusals.
 */
@Embeddable
public class SingleUse {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Why it cannot be used now. */
  public enum Refusal {
    USED,
    EXPIRED
  }

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected SingleUse() {}

  /** Made {@code now}, usable for {@code lifetime}. */
  public static SingleUse from(Instant now, Duration lifetime) {
    SingleUse use = new SingleUse();
    use.createdAt = now;
    use.expiresAt = now.plus(lifetime);
    return use;
  }

  /** A new token of 256 random bits, URL-safe (43 characters of base64url). */
  public static String randomToken() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** Why it cannot be used at {@code now} (used before expired), or empty when it can. */
  public Optional<Refusal> refusalAt(Instant now) {
    if (usedAt != null) {
      return Optional.of(Refusal.USED);
    }
    return now.isBefore(expiresAt) ? Optional.empty() : Optional.of(Refusal.EXPIRED);
  }

  /** Marks it used at {@code now}; the embedding entity has checked {@link #refusalAt} first. */
  public void useAt(Instant now) {
    usedAt = now;
  }

  /** Makes it unusable from {@code now} on, unless it was used already. */
  public void withdrawAt(Instant now) {
    if (usedAt == null) {
      usedAt = now;
    }
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant usedAt() {
    return usedAt;
  }
}
