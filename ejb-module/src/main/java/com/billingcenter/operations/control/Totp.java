package com.billingcenter.operations.control;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The operators' second factor: time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second
 * steps, 6 digits, what every authenticator app reads from an {@code otpauth://} URI), by the
 * {@code java-otp} library. A code is taken for its own step or the one before or after (clocks
 * apart by up to 30 seconds), and never twice: the caller keeps the last step used.
 */
public final class Totp {

  /** 160-bit secrets, as RFC 4226 recommends. */
  static final int SECRET_BYTES = 20;

  private static final TimeBasedOneTimePasswordGenerator GENERATOR =
      new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6, "HmacSHA1");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new secret, in Base32 (what an authenticator app is given). */
  public static String newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return new Base32().encodeToString(secret).replace("=", "");
  }

  /** The {@code otpauth://} URI of the secret, for an app to add it (Key Uri Format). */
  public static String uri(String issuer, String account, String secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits=6&period=30";
  }

  /** The code of {@code secret} at {@code at}, six digits. */
  public static String code(String secret, Instant at) {
    try {
      return String.format(Locale.ROOT, "%06d", GENERATOR.generateOneTimePassword(key(secret), at));
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("Not a TOTP secret", e);
    }
  }

  /**
   * The step {@code code} is valid for at {@code now} (that step or the next or previous), if it is
   * later than {@code lastUsedStep}; empty otherwise.
   */
  public static OptionalLong verify(String secret, String code, Instant now, long lastUsedStep) {
    if (code == null || !code.strip().matches("\\d{6}")) {
      return OptionalLong.empty();
    }
    String given = code.strip();
    long step = now.getEpochSecond() / 30;
    for (long candidate = step - 1; candidate <= step + 1; candidate++) {
      if (candidate > lastUsedStep
          && java.security.MessageDigest.isEqual(
              code(secret, Instant.ofEpochSecond(candidate * 30))
                  .getBytes(StandardCharsets.US_ASCII),
              given.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(candidate);
      }
    }
    return OptionalLong.empty();
  }

  private static SecretKeySpec key(String secret) {
    return new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
