package com.billingcenter.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remembers, for a short while, that a password was just verified against an account's stored hash,
 * so that an API client sending HTTP Basic on every call pays the deliberately slow PBKDF2 once per
 * {@code billing.security.credential-cache} (default 5 minutes) instead of on every call.
 *
 * <p>Only an HMAC of (user, password) under a random key made at start-up is kept, never the
 * password; an entry is valid only while the account's stored hash is the one it was verified
 * against, so changing the password ends it at once. Failed attempts are never cached, so a wrong
 * password still costs a full verification.
 */
@ApplicationScoped
public class VerifiedCredentials {

  private static final int MAX_ENTRIES = 10_000;

  private record Entry(String storedHash, Instant expires) {}

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "billing.security.credential-cache", defaultValue = "PT5M")
  Duration lifetime;

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private SecretKeySpec key;

  @PostConstruct
  void init() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** Whether this user and password were verified against {@code storedHash} recently. */
  public boolean recentlyVerified(String username, String password, String storedHash) {
    if (lifetime.isZero()) {
      return false;
    }
    Entry entry = entries.get(fingerprint(username, password));
    return entry != null
        && MessageDigest.isEqual(
            entry.storedHash().getBytes(StandardCharsets.UTF_8),
            storedHash.getBytes(StandardCharsets.UTF_8))
        && clock.instant().isBefore(entry.expires());
  }

  public void remember(String username, String password, String storedHash) {
    if (lifetime.isZero()) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      Instant now = clock.instant();
      entries.values().removeIf(e -> !now.isBefore(e.expires()));
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(
        fingerprint(username, password), new Entry(storedHash, clock.instant().plus(lifetime)));
  }

  private String fingerprint(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
