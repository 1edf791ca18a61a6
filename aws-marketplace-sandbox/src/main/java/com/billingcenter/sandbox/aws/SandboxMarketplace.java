package com.billingcenter.sandbox.aws;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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

  /** One usage record of a {@code BatchMeterUsage} call, as the seller sent it. */
  public record Usage(
      String awsAccountId,
      String licenseArn,
      String customerIdentifier,
      String dimension,
      Instant timestamp,
      int quantity) {}

  /**
   * What the sandbox answered for one record: {@code Success}, {@code CustomerNotSubscribed} or
   * {@code DuplicateRecord}, and when it was received.
   */
  public record Metered(Usage usage, String status, String meteringRecordId, Instant receivedAt) {}

  /** How far back AWS accepts a usage timestamp (its documented limit is 1 to 6 hours). */
  static final Duration ACCEPTED_LATENESS = Duration.ofHours(6);

  static final int MAX_RECORDS = 25;

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private final String productCode;
  private final Duration tokenLifetime;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Buyer> buyers = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Metered> firstByHour = new ConcurrentHashMap<>();
  private final List<Metered> received = new java.util.concurrent.CopyOnWriteArrayList<>();

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

  /**
   * AWS's {@code BatchMeterUsage}: one product per call, 1 to 25 records. A whole call is refused
   * for another product, a record naming both or neither of a customer identifier and an AWS
   * account, a negative quantity, or a timestamp outside the accepted window; otherwise each record
   * gets its status. The first quantity for a customer, dimension and hour stands: the same again
   * is a {@code Success} with the same record id, another is a {@code DuplicateRecord}.
   */
  public List<Metered> batchMeterUsage(String productCode, List<Usage> usage) {
    if (!this.productCode.equals(productCode)) {
      throw new AwsError(400, "InvalidProductCodeException", "Product code is not valid.");
    }
    if (usage.isEmpty() || usage.size() > MAX_RECORDS) {
      throw new AwsError(
          400, "ValidationException", "UsageRecords must hold 1 to " + MAX_RECORDS + " records.");
    }
    Instant now = clock.instant();
    for (Usage record : usage) {
      boolean byAccount = record.awsAccountId() != null;
      boolean byCustomer = record.customerIdentifier() != null;
      if (byAccount == byCustomer) {
        throw new AwsError(
            400,
            "ValidationException",
            "A usage record has a CustomerIdentifier or a CustomerAWSAccountId, not both.");
      }
      if (record.quantity() < 0 || record.dimension() == null || record.timestamp() == null) {
        throw new AwsError(400, "ValidationException", "Dimension, Timestamp and Quantity >= 0.");
      }
      if (record.timestamp().isBefore(now.minus(ACCEPTED_LATENESS))
          || record.timestamp().isAfter(now.plus(Duration.ofMinutes(5)))) {
        throw new AwsError(
            400, "TimestampOutOfBoundsException", "Timestamp is outside the accepted window.");
      }
    }
    List<Metered> results = new java.util.ArrayList<>();
    for (Usage record : usage) {
      Optional<Buyer> buyer = buyerOf(record);
      Metered metered;
      if (buyer.isEmpty()) {
        metered = new Metered(record, "CustomerNotSubscribed", null, now);
      } else {
        String key =
            (record.licenseArn() != null ? record.licenseArn() : record.customerIdentifier())
                + "|"
                + record.dimension()
                + "|"
                + record.timestamp().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Metered first =
            firstByHour.computeIfAbsent(
                key,
                k -> new Metered(record, "Success", java.util.UUID.randomUUID().toString(), now));
        metered =
            first.usage().quantity() == record.quantity()
                ? new Metered(record, "Success", first.meteringRecordId(), now)
                : new Metered(record, "DuplicateRecord", first.meteringRecordId(), now);
      }
      received.add(metered);
      results.add(metered);
    }
    return results;
  }

  private Optional<Buyer> buyerOf(Usage record) {
    if (record.customerIdentifier() != null) {
      return buyers.values().stream()
          .filter(b -> b.legacy() && b.customerIdentifier().equals(record.customerIdentifier()))
          .findFirst();
    }
    return Optional.ofNullable(buyers.get(record.awsAccountId()))
        .filter(b -> !b.legacy() && b.licenseArn().equals(record.licenseArn()));
  }

  /** Every usage record received so far, with what it was answered. */
  public List<Metered> received() {
    return List.copyOf(received);
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
