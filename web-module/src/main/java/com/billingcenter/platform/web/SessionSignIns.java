package com.billingcenter.platform.web;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A page sign-in as kept in the (replicated) HTTP session, and the rules that make it count:
 *
 * <ul>
 *   <li>it carries an HMAC-SHA256 over the account, the session id, the moment of sign-in and the
 *       account's last password change, under a key the instances share ({@code
 *       billing.security.session-key}): an entry written into the session by anyone without the key
 *       (a foreign member of the data grid) signs nobody in;
 *   <li>it lasts at most {@code billing.security.session.absolute-lifetime} after the sign-in,
 *       however busy the session (besides the 30-minute idle timeout);
 *   <li>it ends when the account's password changes after it was made (on every instance: the
 *       change is read from the database), except for the session that made the change, which is
 *       signed again.
 * </ul>
 */
public final class SessionSignIns {

  private static final Logger LOG = Logger.getLogger(SessionSignIns.class.getName());

  /** The shortest shared key accepted. */
  static final int MIN_KEY = 32;

  /** Who signed in on the login page, when, and the seal that binds it to this session. */
  public record SignedIn(
      String name, Set<String> groups, Instant signedInAt, Instant passwordChangedAt, String seal)
      implements Serializable {
    private static final long serialVersionUID = 2L;

    public SignedIn {
      groups = Set.copyOf(groups);
    }
  }

  private final byte[] key;
  private final Duration lifetime;

  SessionSignIns(byte[] key, Duration lifetime) {
    this.key = key.clone();
    this.lifetime = lifetime;
  }

  /**
   * The sign-ins of this instance: under {@code configuredKey}, or, when there is none, a random
   * key of this instance alone (then a session does not survive moving to another instance).
   */
  static SessionSignIns of(Optional<String> configuredKey, Duration lifetime) {
    if (configuredKey.isPresent() && configuredKey.get().length() >= MIN_KEY) {
      return new SessionSignIns(configuredKey.get().getBytes(StandardCharsets.UTF_8), lifetime);
    }
    if (configuredKey.isPresent()) {
      throw new IllegalStateException(
          "billing.security.session-key has fewer than " + MIN_KEY + " characters");
    }
    LOG.warning(
        "billing.security.session-key is not set: page sign-ins are sealed with a key of this"
            + " instance alone, so they do not move to another instance of a cluster");
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return new SessionSignIns(random, lifetime);
  }

  /** A sign-in for the session {@code sessionId}, sealed. */
  public SignedIn signIn(
      String name, Set<String> groups, String sessionId, Instant now, Instant passwordChangedAt) {
    // Milliseconds: the database keeps a change's time to the microsecond, Java to the nanosecond.
    Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Instant changed = passwordChangedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    return new SignedIn(name, groups, at, changed, seal(name, sessionId, at, changed));
  }

  /**
   * Whether {@code signedIn} still counts in the session {@code sessionId} at {@code now}, for an
   * account whose password last changed at {@code passwordChangedAt} (empty: no such account).
   */
  public boolean holds(
      SignedIn signedIn, String sessionId, Instant now, Optional<Instant> passwordChangedAt) {
    String expected =
        seal(signedIn.name(), sessionId, signedIn.signedInAt(), signedIn.passwordChangedAt());
    if (signedIn.seal() == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            signedIn.seal().getBytes(StandardCharsets.US_ASCII))) {
      return false;
    }
    if (!now.isBefore(signedIn.signedInAt().plus(lifetime))) {
      return false;
    }
    return passwordChangedAt.isPresent()
        && passwordChangedAt.get().toEpochMilli() == signedIn.passwordChangedAt().toEpochMilli();
  }

  private String seal(String name, String sessionId, Instant at, Instant passwordChangedAt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String text =
          name.length()
              + ":"
              + name
              + "|"
              + sessionId
              + "|"
              + at.toEpochMilli()
              + "|"
              + (passwordChangedAt == null ? "-" : passwordChangedAt.toEpochMilli());
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
