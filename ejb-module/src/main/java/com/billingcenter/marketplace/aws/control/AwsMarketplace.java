package com.billingcenter.marketplace.aws.control;

import com.billingcenter.cloudaccount.entity.BuyerLicense;
import com.billingcenter.cloudaccount.entity.Entitlement;
import com.billingcenter.cloudaccount.entity.ResolvedBuyer;
import com.billingcenter.marketplace.control.CloudMarketplace;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.control.MarketplaceException.Reason;
import com.billingcenter.marketplace.control.MeteredUsage;
import com.billingcenter.marketplace.control.MeteringResult;
import com.billingcenter.marketplace.entity.AgreementTerms;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplaceagreement.MarketplaceAgreementClient;
import software.amazon.awssdk.services.marketplaceagreement.MarketplaceAgreementClientBuilder;
import software.amazon.awssdk.services.marketplaceentitlement.MarketplaceEntitlementClient;
import software.amazon.awssdk.services.marketplaceentitlement.MarketplaceEntitlementClientBuilder;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClientBuilder;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.ExpiredTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerResponse;
import software.amazon.awssdk.services.marketplacemetering.model.Tag;
import software.amazon.awssdk.services.marketplacemetering.model.UsageAllocation;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResult;

/**
 * AWS Marketplace through the AWS SDK v2. One instance holds the metering and entitlement clients
 * (thread-safe, sharing one connection pool) for the life of the application; build it once and
 * close it at the end.
 */
public class AwsMarketplace implements CloudMarketplace, AutoCloseable {

  /** AWS registration tokens are opaque base64-like strings; anything far longer is not one. */
  static final int MAX_TOKEN_LENGTH = 4096;

  /** Connections kept to AWS Marketplace: one per request thread that may call it at once. */
  static final int MAX_CONNECTIONS = 64;

  private final SdkHttpClient http;
  private final MarketplaceMeteringClient metering;
  private final MarketplaceEntitlementClient entitlement;
  private final MarketplaceAgreementClient agreement;
  private final String productCode;
  private final String provider;

  /** For the CDI proxy of the application-scoped instance only. */
  protected AwsMarketplace() {
    this.provider = null;
    this.http = null;
    this.metering = null;
    this.entitlement = null;
    this.agreement = null;
    this.productCode = null;
  }

  /** AWS's global partition ({@code aws}). */
  public AwsMarketplace(AwsMarketplaceSettings settings) {
    this(GLOBAL, settings);
  }

  /**
   * The Marketplace of one AWS partition: {@link #GLOBAL} or {@link #CHINA}, each with its own
   * settings, and each a provider of cloud accounts of its own.
   */
  public AwsMarketplace(String provider, AwsMarketplaceSettings settings) {
    this.provider = provider;
    // One connection pool for both clients; closed in close().
    this.http =
        ApacheHttpClient.builder()
            .maxConnections(MAX_CONNECTIONS)
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(20))
            .build();
    AwsCredentialsProvider credentials = credentials(settings);
    MarketplaceMeteringClientBuilder meteringBuilder =
        MarketplaceMeteringClient.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .overrideConfiguration(
                o ->
                    o.addExecutionInterceptor(new RawAnswer())
                        .addExecutionInterceptor(new UsageLicenseArns()))
            .httpClient(http);
    settings.endpointOverride().ifPresent(meteringBuilder::endpointOverride);
    this.metering = meteringBuilder.build();
    MarketplaceEntitlementClientBuilder entitlementBuilder =
        MarketplaceEntitlementClient.builder()
            .region(entitlementRegion(provider, settings))
            .credentialsProvider(credentials)
            .overrideConfiguration(o -> o.addExecutionInterceptor(new RawAnswer()))
            .httpClient(http);
    settings.endpointOverride().ifPresent(entitlementBuilder::endpointOverride);
    this.entitlement = entitlementBuilder.build();
    MarketplaceAgreementClientBuilder agreementBuilder =
        MarketplaceAgreementClient.builder()
            .region(entitlementRegion(provider, settings))
            .credentialsProvider(credentials)
            .httpClient(http);
    settings.endpointOverride().ifPresent(agreementBuilder::endpointOverride);
    this.agreement = agreementBuilder.build();
    this.productCode = settings.productCode();
  }

  /** An allocation as AWS takes it: untagged usage is one allocation without tags. */
  private static UsageAllocation allocation(MeteredUsage.Allocation a) {
    UsageAllocation.Builder allocation =
        UsageAllocation.builder().allocatedUsageQuantity(a.quantity());
    if (!a.tags().isEmpty()) {
      allocation.tags(
          a.tags().entrySet().stream()
              .sorted(java.util.Map.Entry.comparingByKey())
              .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
              .toList());
    }
    return allocation.build();
  }

  /**
   * Where the Entitlement and Agreement Services answer: in AWS's global partition only in US East
   * (N. Virginia) (AWS Marketplace Seller Guide, "Checking entitlements using the AWS Marketplace
   * Entitlement Service": "available only in the US East (N. Virginia) Region"; Developer Guide,
   * "Supported AWS Regions for the AWS Marketplace Entitlement API"; Agreement API reference,
   * "Supported AWS Regions"), whatever region metering is configured in; in the China partition,
   * that partition's configured region.
   */
  static Region entitlementRegion(String provider, AwsMarketplaceSettings settings) {
    return GLOBAL.equals(provider) ? Region.US_EAST_1 : Region.of(settings.region());
  }

  private static AwsCredentialsProvider credentials(AwsMarketplaceSettings settings) {
    if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              settings.accessKeyId().get(), settings.secretAccessKey().get()));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /** AWS's global partition. */
  public static final String GLOBAL = "aws";

  /** AWS's China partition (Ningxia, Beijing): a Marketplace of its own. */
  public static final String CHINA = "aws-cn";

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public ResolvedBuyer resolveRegistration(String registrationToken) {
    if (!looksLikeToken(registrationToken)) {
      throw new MarketplaceException(
          Reason.INVALID_TOKEN, "The registration token is missing or malformed.", null);
    }
    try {
      AtomicReference<JsonObject> raw = new AtomicReference<>();
      ResolveCustomerResponse response =
          metering.resolveCustomer(
              r ->
                  r.registrationToken(registrationToken)
                      .overrideConfiguration(o -> o.putExecutionAttribute(RawAnswer.ANSWER, raw)));
      if (productCode != null
          && !productCode.isBlank()
          && !productCode.equals(response.productCode())) {
        throw new MarketplaceException(
            Reason.WRONG_PRODUCT,
            "The registration is for product " + response.productCode() + ", not ours.",
            null);
      }
      String licenseArn = RawAnswer.text(raw.get(), "LicenseArn");
      BuyerLicense license;
      try {
        license = AwsLicenses.of(licenseArn, response.customerIdentifier());
      } catch (IllegalArgumentException e) {
        throw new MarketplaceException(
            Reason.REFUSED, "AWS Marketplace resolved the token to no license we can read.", e);
      }
      // A listing that predates licenses gives both; its SNS notifications name the customer
      // identifier only, so the buyer is kept under both (issue 26).
      BuyerLicense alias =
          !license.legacy()
                  && response.customerIdentifier() != null
                  && !response.customerIdentifier().isBlank()
              ? AwsLicenses.of(null, response.customerIdentifier())
              : null;
      return new ResolvedBuyer(
          provider(), response.customerAWSAccountId(), license, response.productCode(), alias);
    } catch (InvalidTokenException e) {
      throw new MarketplaceException(
          Reason.INVALID_TOKEN, "AWS Marketplace does not know this registration token.", e);
    } catch (ExpiredTokenException e) {
      throw new MarketplaceException(
          Reason.EXPIRED_TOKEN, "The AWS Marketplace registration token has expired.", e);
    } catch (MarketplaceMeteringException e) {
      throw AwsErrors.refused("ResolveCustomer", e);
    } catch (SdkClientException e) {
      throw AwsErrors.unreachable(e);
    }
  }

  @Override
  public List<MeteringResult> meter(List<MeteredUsage> usage) {
    if (usage.isEmpty() || usage.size() > MAX_USAGE_PER_CALL) {
      throw new IllegalArgumentException(
          "BatchMeterUsage takes 1 to " + MAX_USAGE_PER_CALL + " records.");
    }
    List<UsageRecord> records = new ArrayList<>();
    List<String> arns = new ArrayList<>();
    for (MeteredUsage u : usage) {
      UsageRecord.Builder record =
          UsageRecord.builder().timestamp(u.hour()).dimension(u.dimension()).quantity(u.quantity());
      // Current products are metered by account and license, legacy ones by customer identifier;
      // never both.
      if (!u.license().legacy()) {
        record.customerAWSAccountId(u.accountId());
      } else {
        record.customerIdentifier(AwsLicenses.customerIdentifierOf(u.license()));
      }
      if (!u.allocations().isEmpty()) {
        // API reference, UsageRecord.UsageAllocations: the parts sum to the quantity; buyers see
        // the tags as aws:marketplace:isv:<key> cost-allocation tags (vendor-metered tagging).
        record.usageAllocations(
            u.allocations().stream()
                .map(
                    a ->
                        UsageAllocation.builder()
                            .allocatedUsageQuantity(a.quantity())
                            .tags(
                                a.tags().entrySet().stream()
                                    .sorted(java.util.Map.Entry.comparingByKey())
                                    .map(
                                        t ->
                                            Tag.builder()
                                                .key(t.getKey())
                                                .value(t.getValue())
                                                .build())
                                    .toList())
                            .build())
                .toList());
      }
      records.add(record.build());
      arns.add(AwsLicenses.arnOf(u.license()));
    }
    boolean byLicense = !usage.get(0).license().legacy();
    if (usage.stream().anyMatch(u -> u.license().legacy() == byLicense)) {
      throw new IllegalArgumentException(
          "Records by license and by customer identifier go in separate calls.");
    }
    UsageLicenseArns.Answer answer = new UsageLicenseArns.Answer();
    BatchMeterUsageResponse response;
    try {
      // AWS Marketplace API reference, BatchMeterUsage: with LicenseArn records the request
      // carries no ProductCode (sending both for one customer and hour double-bills); legacy
      // customer-identifier calls name the product.
      String product = byLicense ? null : productCode;
      response =
          metering.batchMeterUsage(
              r ->
                  r.productCode(product)
                      .usageRecords(records)
                      .overrideConfiguration(
                          o ->
                              o.putExecutionAttribute(UsageLicenseArns.REQUEST, arns)
                                  .putExecutionAttribute(UsageLicenseArns.RESPONSE, answer)));
    } catch (MarketplaceMeteringException e) {
      throw AwsErrors.meteringRefused(e);
    } catch (SdkClientException e) {
      throw AwsErrors.unreachable(e);
    }
    List<MeteringResult> results = new ArrayList<>();
    for (int i = 0; i < response.results().size(); i++) {
      UsageRecordResult result = response.results().get(i);
      results.add(
          new MeteringResult(
              sent(usage, result.usageRecord(), at(answer.results, i)),
              switch (result.statusAsString()) {
                case "Success" -> MeteringResult.Status.SUCCESS;
                case "CustomerNotSubscribed" -> MeteringResult.Status.CUSTOMER_NOT_SUBSCRIBED;
                case "DuplicateRecord" -> MeteringResult.Status.DUPLICATE_RECORD;
                default -> MeteringResult.Status.UNPROCESSED;
              },
              result.meteringRecordId()));
    }
    for (int i = 0; i < response.unprocessedRecords().size(); i++) {
      results.add(
          new MeteringResult(
              sent(usage, response.unprocessedRecords().get(i), at(answer.unprocessed, i)),
              MeteringResult.Status.UNPROCESSED,
              null));
    }
    return results;
  }

  @Override
  public List<Entitlement> entitlements(ResolvedBuyer buyer) {
    return AwsEntitlements.of(entitlement, productCode, buyer);
  }

  @Override
  public AgreementTerms agreementTerms(String agreementId) {
    return AwsAgreements.of(agreement, agreementId);
  }

  private static String at(List<String> values, int index) {
    return index < values.size() ? values.get(index) : null;
  }

  /**
   * The record we sent that AWS's echo stands for. UsageRecordResult documents only that its
   * UsageRecord is the one sent; its license ARN is compared when the echo has one, and the
   * account, dimension and hour always.
   */
  private static MeteredUsage sent(List<MeteredUsage> usage, UsageRecord echo, String licenseArn) {
    return usage.stream()
        .filter(u -> u.dimension().equals(echo.dimension()))
        .filter(u -> u.hour().equals(echo.timestamp()))
        .filter(
            u ->
                !u.license().legacy()
                    ? (licenseArn == null || u.license().reference().equals(licenseArn))
                        && u.accountId().equals(echo.customerAWSAccountId())
                    : u.license().reference().equals(echo.customerIdentifier()))
        .findFirst()
        .orElseThrow(
            () ->
                new MarketplaceException(
                    Reason.REFUSED,
                    "AWS Marketplace answered for a record that was not sent.",
                    null));
  }

  static boolean looksLikeToken(String token) {
    return token != null
        && !token.isBlank()
        && token.length() <= MAX_TOKEN_LENGTH
        && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  @Override
  public void close() {
    metering.close();
    entitlement.close();
    agreement.close();
    http.close();
  }
}
