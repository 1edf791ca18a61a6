package com.billingcenter.sandbox.aws;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The sandbox's state: buyers of the one product and the registration tokens handed to them. Kept
 * in memory (a restart forgets them, as a sandbox may). Thread-safe.
 */
public class SandboxMarketplace {

  /** A buyer of the product: current products have a license, legacy ones a customer id only. */
  public record Buyer(
      String awsAccountId,
      String licenseArn,
      String customerIdentifier,
      boolean legacy,
      String productCode) {}

  private record Token(String awsAccountId, Instant expiresAt) {}

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private final String productCode;
  private final Duration tokenLifetime;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Buyer> buyers = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  /** For the CDI proxy of the application-scoped instance only. */
  protected SandboxMarketplace() {
    this(null, null, null);
  }

  public SandboxMarketplace(String productCode, Duration tokenLifetime, Clock clock) {
    this.productCode = productCode;
    this.tokenLifetime = tokenLifetime;
    this.clock = clock;
  }

  public String productCode() {
    return productCode;
  }

  /** Creates the buyer, or returns the existing one with that account id. */
  public Buyer subscribe(String awsAccountId, boolean legacy) {
    return subscribe(awsAccountId, legacy, null);
  }

  /**
   * Creates a buyer of {@code productCode} (null: the sandbox's product), for tests of a buyer who
   * subscribed to another seller's product.
   */
  public Buyer subscribe(String awsAccountId, boolean legacy, String productCode) {
    if (awsAccountId == null || !ACCOUNT_ID.matcher(awsAccountId).matches()) {
      throw new IllegalArgumentException("An AWS account id has exactly 12 digits.");
    }
    return buyers.computeIfAbsent(
        awsAccountId,
        id ->
            new Buyer(
                id,
                legacy ? null : "arn:aws:license-manager::" + id + ":license:l-" + randomHex(16),
                randomCustomerIdentifier(),
                legacy,
                productCode == null || productCode.isBlank() ? this.productCode : productCode));
  }

  public Optional<Buyer> buyer(String awsAccountId) {
    return Optional.ofNullable(buyers.get(awsAccountId));
  }

  /** A fresh one-time registration token for a known buyer, valid for the token lifetime. */
  public String newRegistrationToken(String awsAccountId) {
    return newRegistrationToken(awsAccountId, tokenLifetime);
  }

  /** A token with its own lifetime ({@code PT0S}: already expired), for tests. */
  public String newRegistrationToken(String awsAccountId, Duration lifetime) {
    if (!buyers.containsKey(awsAccountId)) {
      throw new IllegalArgumentException("No buyer with AWS account id " + awsAccountId + ".");
    }
    byte[] bytes = new byte[48];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tokens.put(token, new Token(awsAccountId, clock.instant().plus(lifetime)));
    return token;
  }

  /**
   * AWS's {@code ResolveCustomer}: the buyer behind a registration token. AWS lets a token be
   * resolved more than once while it is valid, and so does the sandbox.
   */
  public Buyer resolveCustomer(String registrationToken) {
    Token token = registrationToken == null ? null : tokens.get(registrationToken);
    if (token == null) {
      throw new AwsError(400, "InvalidTokenException", "Registration token is invalid.");
    }
    if (!clock.instant().isBefore(token.expiresAt())) {
      throw new AwsError(400, "ExpiredTokenException", "Registration token has expired.");
    }
    return buyers.get(token.awsAccountId());
  }

  private String randomCustomerIdentifier() {
    return randomHex(11);
  }

  private String randomHex(int length) {
    StringBuilder hex = new StringBuilder(length);
    while (hex.length() < length) {
      hex.append(Integer.toHexString(random.nextInt(16)));
    }
    return hex.toString();
  }
}
