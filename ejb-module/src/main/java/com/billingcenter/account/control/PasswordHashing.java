package com.billingcenter.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2-HMAC-SHA256 password hashes in Jakarta Security's self-describing format (algorithm,
 * iterations, salt and hash in one string), so that raising {@code
 * billing.security.pbkdf2.iterations} later still verifies the hashes made before; such a hash is
 * {@link #outdated} and is made again at the next successful sign-in. The default, 600,000, is
 * OWASP's figure for PBKDF2-HMAC-SHA256.
 */
@ApplicationScoped
public class PasswordHashing {

  @Inject Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "billing.security.pbkdf2.iterations", defaultValue = "600000")
  int iterations;

  private String decoy;

  @PostConstruct
  void init() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    decoy = pbkdf2.generate("not a password of anyone".toCharArray());
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean verify(String password, String hash) {
    return pbkdf2.verify(password.toCharArray(), hash);
  }

  /**
   * Whether {@code hash} was made with fewer iterations (or another algorithm) than new hashes are:
   * after a successful sign-in it is made again from the password just checked.
   */
  public boolean outdated(String hash) {
    String[] parts = hash == null ? new String[0] : hash.split(":");
    if (parts.length != 4 || !"PBKDF2WithHmacSHA256".equals(parts[0])) {
      return true;
    }
    try {
      return Integer.parseInt(parts[1]) < iterations;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /**
   * Spends the same time as a real verification when there is no account to check, so that the
   * answer time does not tell whether a user name exists.
   */
  public void verifyDecoy(String password) {
    pbkdf2.verify(password.toCharArray(), decoy);
  }
}
