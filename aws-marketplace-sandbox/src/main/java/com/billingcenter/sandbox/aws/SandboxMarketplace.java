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

  /**
   * A buyer of the product: current products have a license, legacy ones a customer id only. The
   * agreement is the purchase agreement that gave the license; {@code channelPartner} says it came
   * through a channel partner's offer (the seller then gets the Manufacturer agreement events).
   * {@code olderListing}: a current buyer of a listing that predates licenses, which AWS resolves
   * with both its license and its customer identifier and tells the seller about over SNS, by
   * customer identifier only (issue 26).
   */
  public record Buyer(
      String awsAccountId,
      String licenseArn,
      String customerIdentifier,
      boolean legacy,
      String productCode,
      String agreementId,
      boolean channelPartner,
      boolean olderListing) {

    public Buyer(
        String awsAccountId,
        String licenseArn,
        String customerIdentifier,
        boolean legacy,
        String productCode,
        String agreementId,
        boolean channelPartner) {
      this(
          awsAccountId,
          licenseArn,
          customerIdentifier,
          legacy,
          productCode,
          agreementId,
          channelPartner,
          false);
    }

    /** Whether the seller hears of this buyer over SNS (legacy or older listings). */
    public boolean overSns() {
      return legacy || olderListing;
    }

    /** Whether the buyer subscribed in AWS's China partition (its license ARN says so). */
    public boolean china() {
      return licenseArn != null && licenseArn.startsWith("arn:aws-cn:");
    }
  }

  private record Token(String awsAccountId, Instant expiresAt) {}

  /**
   * One usage record of a {@code BatchMeterUsage} call, as the seller sent it, with its {@code
   * UsageAllocations} (empty when it sent none).
   */
  public record Usage(
      String awsAccountId,
      String licenseArn,
      String customerIdentifier,
      String dimension,
      Instant timestamp,
      int quantity,
      List<Allocation> allocations) {

    public Usage(
        String awsAccountId,
        String licenseArn,
        String customerIdentifier,
        String dimension,
        Instant timestamp,
        int quantity) {
      this(awsAccountId, licenseArn, customerIdentifier, dimension, timestamp, quantity, List.of());
    }
  }

  /** A part of a usage record's quantity and its tags (API reference, UsageAllocation). */
  public record Allocation(int quantity, Map<String, String> tags) {}

  /** UsageAllocation's rules: 1 to 2,500 a record, at most 5 tag keys in all. */
  static final int MAX_ALLOCATIONS = 2500;

  static final int MAX_TAG_KEYS = 5;

  private static final Pattern TAG_TEXT = Pattern.compile("[a-zA-Z0-9+ \\-=._:/@]+");

  /**
   * What the sandbox answered for one record: {@code Success}, {@code CustomerNotSubscribed} or
   * {@code DuplicateRecord}, and when it was received.
   */
  public record Metered(Usage usage, String status, String meteringRecordId, Instant receivedAt) {}

  /**
   * A contract entitlement of a buyer: a dimension, its value (an {@link Integer}, a {@link
   * Double}, a {@link Boolean} or a {@link String}, as AWS types it) and the date it runs to (may
   * be null).
   */
  public record Entitlement(String dimension, Object value, Instant expirationDate) {
    public Entitlement {
      if (dimension == null || dimension.isBlank()) {
        throw new IllegalArgumentException("An entitlement needs a dimension.");
      }
      if (!(value instanceof Integer
          || value instanceof Double
          || value instanceof Boolean
          || value instanceof String)) {
        throw new IllegalArgumentException(
            "An entitlement's value is a whole number, a decimal, true/false or a text.");
      }
    }
  }

  /** One entitlement as {@code GetEntitlements} lists it: whose, and what. */
  public record Entitled(Buyer buyer, Entitlement entitlement) {}

  /** A page of {@code GetEntitlements}; {@code nextToken} is null on the last one. */
  public record EntitlementPage(List<Entitled> entitlements, String nextToken) {}

  /** The filter keys {@code GetEntitlements} accepts. */
  static final java.util.Set<String> ENTITLEMENT_FILTERS =
      java.util.Set.of(
          "CUSTOMER_IDENTIFIER", "CUSTOMER_AWS_ACCOUNT_ID", "LICENSE_ARN", "DIMENSION");

  static final int MAX_ENTITLEMENTS_PER_PAGE = 25;

  /** The status of a record left for a later call (listed in {@code UnprocessedRecords}). */
  static final String UNPROCESSED = "Unprocessed";

  /**
   * How far back AWS accepts a usage timestamp: 24 hours, and the previous month's hours until
   * 06:00 UTC on the 1st (issue "AWS Marketplace as AWS documents it"; AWS's reference handler
   * aws-marketplace-metering, SKILL.md: "Timestamp window = 24 HOURS", "6-hour month-boundary
   * grace"). AWS's API pages still say 1 or 6 hours in places; the wider window is the one AWS's
   * own handler is written for.
   */
  static final Duration ACCEPTED_LATENESS = Duration.ofHours(24);

  static final Duration MONTH_END_GRACE = Duration.ofHours(6);

  /**
   * How long after "License Deprovisioned" AWS still accepts a buyer's final usage ("Managing SaaS
   * subscription events with Amazon EventBridge", Report final usage before license is
   * deprovisioned: one hour).
   */
  static final Duration FINAL_WINDOW = Duration.ofHours(1);

  static final int MAX_RECORDS = 25;

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private final String productCode;

  /**
   * The product's code in AWS's China partition, whose Marketplace lists it separately (its own
   * product code, {@code arn:aws-cn:} license ARNs).
   */
  private final String chinaProductCode;

  /** The listing's metering dimensions (case-sensitive); empty: any. */
  private final java.util.Set<String> dimensions;

  private final Duration tokenLifetime;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Buyer> buyers = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Metered> firstByHour = new ConcurrentHashMap<>();
  private final List<Metered> received = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, List<Entitlement>> entitlements = new ConcurrentHashMap<>();

  /**
   * The licenses a renewal or replacement deprovisioned, and when: their usage is taken for the
   * final window after, as an unsubscribed buyer's is.
   */
  private final Map<String, Instant> formerLicenses = new ConcurrentHashMap<>();

  /** When each buyer that unsubscribed was deprovisioned. */
  private final Map<String, Instant> unsubscribed = new ConcurrentHashMap<>();

  /** For the CDI proxy of the application-scoped instance only. */
  protected SandboxMarketplace() {
    this(null, null, null);
  }

  public SandboxMarketplace(String productCode, Duration tokenLifetime, Clock clock) {
    this(productCode, java.util.Set.of(), tokenLifetime, clock);
  }

  public SandboxMarketplace(
      String productCode, java.util.Set<String> dimensions, Duration tokenLifetime, Clock clock) {
    this(productCode, productCode + "-cn", dimensions, tokenLifetime, clock);
  }

  public SandboxMarketplace(
      String productCode,
      String chinaProductCode,
      java.util.Set<String> dimensions,
      Duration tokenLifetime,
      Clock clock) {
    this.productCode = productCode;
    this.chinaProductCode = chinaProductCode;
    this.dimensions = dimensions == null ? java.util.Set.of() : java.util.Set.copyOf(dimensions);
    this.tokenLifetime = tokenLifetime;
    this.clock = clock;
  }

  public String productCode() {
    return productCode;
  }

  /** The listing's metering dimensions (case-sensitive); empty: any. */
  public java.util.Set<String> dimensions() {
    return dimensions;
  }

  /** Whether the code is the product's, in either partition. */
  private boolean ours(String code) {
    return productCode.equals(code) || chinaProductCode.equals(code);
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
    return subscribe(awsAccountId, legacy, productCode, false);
  }

  /** The same, through a channel partner's offer when {@code channelPartner}. */
  public Buyer subscribe(
      String awsAccountId, boolean legacy, String productCode, boolean channelPartner) {
    return subscribe(awsAccountId, legacy, productCode, channelPartner, false);
  }

  /** The same, in AWS's China partition when {@code china}. */
  public Buyer subscribe(
      String awsAccountId,
      boolean legacy,
      String productCode,
      boolean channelPartner,
      boolean china) {
    return subscribe(awsAccountId, legacy, productCode, channelPartner, china, false);
  }

  /** The same, of an older listing that moved to licenses when {@code olderListing}. */
  public Buyer subscribe(
      String awsAccountId,
      boolean legacy,
      String productCode,
      boolean channelPartner,
      boolean china,
      boolean olderListing) {
    if (awsAccountId == null || !ACCOUNT_ID.matcher(awsAccountId).matches()) {
      throw new IllegalArgumentException("An AWS account id has exactly 12 digits.");
    }
    return buyers.computeIfAbsent(
        awsAccountId,
        id ->
            new Buyer(
                id,
                legacy
                    ? null
                    : "arn:"
                        + (china ? "aws-cn" : "aws")
                        + ":license-manager::"
                        + id
                        + ":license:l-"
                        + randomHex(16),
                randomCustomerIdentifier(),
                legacy,
                productCode != null && !productCode.isBlank()
                    ? productCode
                    : china ? chinaProductCode : this.productCode,
                "agmt-" + randomHex(25),
                channelPartner,
                olderListing && !legacy));
  }

  /**
   * The buyer unsubscribes: their usage is no longer accepted ({@code CustomerNotSubscribed}) and
   * their entitlements are gone. Returns false when they had already unsubscribed.
   */
  public boolean unsubscribe(String awsAccountId) {
    if (!buyers.containsKey(awsAccountId)) {
      throw new IllegalArgumentException("No buyer with AWS account id " + awsAccountId + ".");
    }
    entitlements.remove(awsAccountId);
    return unsubscribed.putIfAbsent(awsAccountId, clock.instant()) == null;
  }

  /**
   * The buyer's agreement is renewed (or replaced by an agreement-based offer): a new agreement,
   * and with {@code newLicense} a new license, the old one taking final usage for an hour. AWS does
   * not say whether a renewal keeps the license ARN ("Amazon EventBridge events"), so the sandbox
   * does either. Returns the buyer as it was, and as it is now.
   */
  public Buyer[] renew(String awsAccountId, boolean newLicense) {
    Buyer before = buyers.get(awsAccountId);
    if (before == null) {
      throw new IllegalArgumentException("No buyer with AWS account id " + awsAccountId + ".");
    }
    if (before.legacy() || unsubscribed.containsKey(awsAccountId)) {
      throw new IllegalArgumentException("Only a current product's subscribed buyer renews.");
    }
    String license =
        newLicense
            ? before.licenseArn().substring(0, before.licenseArn().indexOf(":license:l-"))
                + ":license:l-"
                + randomHex(16)
            : before.licenseArn();
    Buyer after =
        new Buyer(
            before.awsAccountId(),
            license,
            before.customerIdentifier(),
            false,
            before.productCode(),
            "agmt-" + randomHex(25),
            before.channelPartner(),
            before.olderListing());
    buyers.put(awsAccountId, after);
    if (newLicense) {
      formerLicenses.put(before.licenseArn(), clock.instant());
    }
    return new Buyer[] {before, after};
  }

  public boolean subscribed(String awsAccountId) {
    return buyers.containsKey(awsAccountId) && !unsubscribed.containsKey(awsAccountId);
  }

  /** Whether the buyer's usage is accepted: subscribed, or within the final window after. */
  boolean meterable(String awsAccountId) {
    Instant deprovisioned = unsubscribed.get(awsAccountId);
    return buyers.containsKey(awsAccountId)
        && (deprovisioned == null || clock.instant().isBefore(deprovisioned.plus(FINAL_WINDOW)));
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
   * resolved more than once while it is valid (about 4 hours), and so does the sandbox; an unknown
   * token is {@code InvalidTokenException}, an expired one {@code ExpiredTokenException} (AWS
   * Marketplace API reference, ResolveCustomer, Errors; AWS's reference handler
   * aws-marketplace-metering, SKILL.md, on reusing the token).
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
   * AWS's {@code BatchMeterUsage} (AWS Marketplace API reference: BatchMeterUsage, UsageRecord,
   * UsageRecordResult): one product per call, 1 to 25 records. A whole call is refused for another
   * product, a {@code ProductCode} beside {@code LicenseArn} records, a license it never issued
   * ({@code InvalidLicenseException}), a dimension the listing lacks ({@code
   * InvalidUsageDimensionException}), a record naming both or neither of a customer identifier and
   * an AWS account, a negative quantity, or a timestamp outside the accepted window ({@code
   * TimestampOutOfBoundsException}); otherwise each record gets its status. The first quantity for
   * a customer, dimension and hour stands: the same again is a {@code Success} with the same record
   * id, another is a {@code DuplicateRecord} (UsageRecordResult.Status).
   */
  public List<Metered> batchMeterUsage(String productCode, List<Usage> usage) {
    return batchMeterUsage(productCode, usage, u -> false);
  }

  /**
   * The same, leaving the records {@code unprocessed} picks unanswered (status {@code Unprocessed},
   * not recorded), as AWS's {@code UnprocessedRecords} does.
   */
  public List<Metered> batchMeterUsage(
      String productCode, List<Usage> usage, java.util.function.Predicate<Usage> unprocessed) {
    // AWS Marketplace API reference, BatchMeterUsage: new integrations send LicenseArn on each
    // record "instead of ProductCode"; sending both for one customer and hour double-bills, so the
    // sandbox refuses the pair. Legacy customer-identifier records still need the product code.
    boolean byLicense = usage.stream().anyMatch(u -> u.licenseArn() != null);
    boolean named = productCode != null && !productCode.isEmpty();
    if (byLicense && named) {
      throw new AwsError(
          400,
          "ValidationException",
          "ProductCode is not sent with LicenseArn usage records (Concurrent Agreements).");
    }
    if (!byLicense && !ours(productCode)) {
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
      checkAllocations(record);
      // BatchMeterUsage errors: a dimension the listing does not define fails the whole call.
      if (!dimensions.isEmpty() && !dimensions.contains(record.dimension())) {
        throw new AwsError(
            400, "InvalidUsageDimensionException", "The usage dimension does not match.");
      }
      if (record.timestamp().isBefore(oldestAccepted(now))
          || record.timestamp().isAfter(now.plus(Duration.ofMinutes(5)))) {
        throw new AwsError(
            400, "TimestampOutOfBoundsException", "Timestamp is outside the accepted window.");
      }
    }
    for (Usage record : usage) {
      // A license this marketplace never issued fails the whole call (BatchMeterUsage errors:
      // InvalidLicenseException), unlike a known buyer who is no longer subscribed.
      if (record.licenseArn() != null
          && !formerLicenses.containsKey(record.licenseArn())
          && buyers.values().stream().noneMatch(b -> record.licenseArn().equals(b.licenseArn()))) {
        throw new AwsError(400, "InvalidLicenseException", "LicenseArn is not valid.");
      }
    }
    List<Metered> results = new java.util.ArrayList<>();
    for (Usage record : usage) {
      if (unprocessed.test(record)) {
        results.add(new Metered(record, UNPROCESSED, null, now));
        continue;
      }
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

  /**
   * UsageAllocations as the API reference states them (UsageRecord, UsageAllocation, Tag): 1 to
   * 2,500; their quantities sum to the record's; at most 5 distinct tag keys; keys of 1 to 100 and
   * values of 1 to 256 characters of {@code [a-zA-Z0-9+ -=._:/@]}; no two with the same tags.
   */
  private static void checkAllocations(Usage record) {
    if (record.allocations().isEmpty()) {
      return;
    }
    String invalid = "InvalidUsageAllocationsException";
    if (record.allocations().size() > MAX_ALLOCATIONS) {
      throw new AwsError(400, invalid, "At most 2,500 allocations a record.");
    }
    long sum = record.allocations().stream().mapToLong(Allocation::quantity).sum();
    if (sum != record.quantity()) {
      throw new AwsError(
          400, invalid, "The allocations sum to " + sum + ", not " + record.quantity() + ".");
    }
    java.util.Set<String> keys = new java.util.HashSet<>();
    java.util.Set<Map<String, String>> tagSets = new java.util.HashSet<>();
    for (Allocation a : record.allocations()) {
      if (!tagSets.add(a.tags())) {
        throw new AwsError(400, invalid, "Two allocations have the same tags.");
      }
      for (Map.Entry<String, String> tag : a.tags().entrySet()) {
        keys.add(tag.getKey());
        if (tag.getKey().length() > 100
            || tag.getValue().isEmpty()
            || tag.getValue().length() > 256
            || !TAG_TEXT.matcher(tag.getKey()).matches()
            || !TAG_TEXT.matcher(tag.getValue()).matches()) {
          throw new AwsError(400, "InvalidTagException", "A tag is not valid: " + tag + ".");
        }
      }
    }
    if (keys.size() > MAX_TAG_KEYS) {
      throw new AwsError(400, invalid, "At most 5 tag keys.");
    }
  }

  static Instant oldestAccepted(Instant now) {
    Instant byAge = now.minus(ACCEPTED_LATENESS);
    java.time.ZonedDateTime monthStart =
        now.atZone(java.time.ZoneOffset.UTC)
            .withDayOfMonth(1)
            .truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    Instant previousMonth = monthStart.minusMonths(1).toInstant();
    return now.isBefore(monthStart.plus(MONTH_END_GRACE).toInstant())
            && previousMonth.isBefore(byAge)
        ? previousMonth
        : byAge;
  }

  private Optional<Buyer> buyerOf(Usage record) {
    if (record.customerIdentifier() != null) {
      return buyers.values().stream()
          .filter(b -> b.legacy() && b.customerIdentifier().equals(record.customerIdentifier()))
          .filter(b -> meterable(b.awsAccountId()))
          .findFirst();
    }
    Instant replaced = formerLicenses.get(record.licenseArn());
    if (replaced != null) {
      // A license a renewal or replacement deprovisioned: its final hour only.
      return Optional.ofNullable(buyers.get(record.awsAccountId()))
          .filter(b -> !b.legacy())
          .filter(b -> clock.instant().isBefore(replaced.plus(FINAL_WINDOW)));
    }
    return Optional.ofNullable(buyers.get(record.awsAccountId()))
        .filter(b -> !b.legacy() && b.licenseArn().equals(record.licenseArn()))
        .filter(b -> meterable(b.awsAccountId()));
  }

  /** Replaces a known buyer's entitlements, as a new or amended contract does. */
  public List<Entitlement> entitle(String awsAccountId, List<Entitlement> granted) {
    if (!buyers.containsKey(awsAccountId)) {
      throw new IllegalArgumentException("No buyer with AWS account id " + awsAccountId + ".");
    }
    List<Entitlement> copy = List.copyOf(granted);
    entitlements.put(awsAccountId, copy);
    return copy;
  }

  public List<Entitlement> entitlementsOf(String awsAccountId) {
    return entitlements.getOrDefault(awsAccountId, List.of());
  }

  /**
   * AWS's {@code GetEntitlements} for the product (AWS Marketplace API reference, GetEntitlements:
   * Filter, MaxResults 1 to 25, NextToken): the values of each filter key are unioned, the keys
   * intersected; {@code CUSTOMER_IDENTIFIER} and {@code CUSTOMER_AWS_ACCOUNT_ID} exclude each
   * other. Pages of at most 25; the next token is opaque.
   */
  public EntitlementPage getEntitlements(
      String productCode, Map<String, List<String>> filter, Integer maxResults, String nextToken) {
    if (!ours(productCode)) {
      throw new AwsError(400, "InvalidParameterException", "Product code is not valid.");
    }
    for (String key : filter.keySet()) {
      if (!ENTITLEMENT_FILTERS.contains(key)) {
        throw new AwsError(400, "InvalidParameterException", "Unknown filter " + key + ".");
      }
    }
    if (filter.containsKey("CUSTOMER_IDENTIFIER")
        && filter.containsKey("CUSTOMER_AWS_ACCOUNT_ID")) {
      throw new AwsError(
          400,
          "InvalidParameterException",
          "CUSTOMER_IDENTIFIER and CUSTOMER_AWS_ACCOUNT_ID are mutually exclusive.");
    }
    int size = maxResults == null ? MAX_ENTITLEMENTS_PER_PAGE : maxResults;
    if (size < 1 || size > MAX_ENTITLEMENTS_PER_PAGE) {
      throw new AwsError(400, "InvalidParameterException", "MaxResults is 1 to 25.");
    }
    int from;
    try {
      from =
          nextToken == null
              ? 0
              : Integer.parseInt(
                  new String(
                      Base64.getUrlDecoder().decode(nextToken),
                      java.nio.charset.StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new AwsError(400, "InvalidParameterException", "NextToken is not valid.");
    }
    List<Entitled> all =
        buyers.values().stream()
            .filter(b -> b.productCode().equals(productCode))
            .sorted(java.util.Comparator.comparing(Buyer::awsAccountId))
            .flatMap(b -> entitlementsOf(b.awsAccountId()).stream().map(e -> new Entitled(b, e)))
            .filter(e -> matches(filter, "CUSTOMER_IDENTIFIER", e.buyer().customerIdentifier()))
            .filter(e -> matches(filter, "CUSTOMER_AWS_ACCOUNT_ID", e.buyer().awsAccountId()))
            .filter(e -> matches(filter, "LICENSE_ARN", e.buyer().licenseArn()))
            .filter(e -> matches(filter, "DIMENSION", e.entitlement().dimension()))
            .toList();
    if (from < 0 || from > all.size()) {
      throw new AwsError(400, "InvalidParameterException", "NextToken is not valid.");
    }
    int to = Math.min(all.size(), from + size);
    return new EntitlementPage(
        all.subList(from, to),
        to < all.size()
            ? Base64.getUrlEncoder()
                .encodeToString(
                    Integer.toString(to).getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            : null);
  }

  private static boolean matches(Map<String, List<String>> filter, String key, String value) {
    List<String> wanted = filter.get(key);
    return wanted == null || (value != null && wanted.contains(value));
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
