package com.billingcenter.marketplace.aws.control;

import com.billingcenter.marketplace.control.CloudMarketplace;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.control.MarketplaceException.Reason;
import com.billingcenter.marketplace.control.ResolvedBuyer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClientBuilder;
import software.amazon.awssdk.services.marketplacemetering.model.ExpiredTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerResponse;

/**
 * AWS Marketplace through the AWS SDK v2. One instance holds one metering client (thread-safe, with
 * its own connection pool) for the life of the application; build it once and close it at the end.
 */
public class AwsMarketplace implements CloudMarketplace, AutoCloseable {

  /** AWS registration tokens are opaque base64-like strings; anything far longer is not one. */
  static final int MAX_TOKEN_LENGTH = 4096;

  /** Connections kept to AWS Marketplace: one per request thread that may call it at once. */
  static final int MAX_CONNECTIONS = 64;

  private final MarketplaceMeteringClient metering;
  private final String productCode;

  /** For the CDI proxy of the application-scoped instance only. */
  protected AwsMarketplace() {
    this.metering = null;
    this.productCode = null;
  }

  public AwsMarketplace(AwsMarketplaceSettings settings) {
    MarketplaceMeteringClientBuilder builder =
        MarketplaceMeteringClient.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials(settings))
            .overrideConfiguration(o -> o.addExecutionInterceptor(new LicenseArnCapture()))
            .httpClientBuilder(
                ApacheHttpClient.builder()
                    .maxConnections(MAX_CONNECTIONS)
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(20)));
    settings.endpointOverride().ifPresent(builder::endpointOverride);
    this.metering = builder.build();
    this.productCode = settings.productCode();
  }

  private static AwsCredentialsProvider credentials(AwsMarketplaceSettings settings) {
    if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              settings.accessKeyId().get(), settings.secretAccessKey().get()));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  @Override
  public String provider() {
    return "aws";
  }

  @Override
  public ResolvedBuyer resolveRegistration(String registrationToken) {
    if (!looksLikeToken(registrationToken)) {
      throw new MarketplaceException(
          Reason.INVALID_TOKEN, "The registration token is missing or malformed.", null);
    }
    try {
      AtomicReference<String> licenseArn = new AtomicReference<>();
      ResolveCustomerResponse response =
          metering.resolveCustomer(
              r ->
                  r.registrationToken(registrationToken)
                      .overrideConfiguration(
                          o -> o.putExecutionAttribute(LicenseArnCapture.LICENSE_ARN, licenseArn)));
      if (productCode != null
          && !productCode.isBlank()
          && !productCode.equals(response.productCode())) {
        throw new MarketplaceException(
            Reason.WRONG_PRODUCT,
            "The registration is for product " + response.productCode() + ", not ours.",
            null);
      }
      return new ResolvedBuyer(
          provider(),
          response.customerAWSAccountId(),
          licenseArn.get(),
          response.customerIdentifier(),
          response.productCode());
    } catch (InvalidTokenException e) {
      throw new MarketplaceException(
          Reason.INVALID_TOKEN, "AWS Marketplace does not know this registration token.", e);
    } catch (ExpiredTokenException e) {
      throw new MarketplaceException(
          Reason.EXPIRED_TOKEN, "The AWS Marketplace registration token has expired.", e);
    } catch (MarketplaceMeteringException e) {
      Reason reason =
          e.statusCode() >= 500 || e.isThrottlingException() ? Reason.UNAVAILABLE : Reason.REFUSED;
      throw new MarketplaceException(
          reason, "AWS Marketplace refused ResolveCustomer: " + e.awsErrorDetails().errorCode(), e);
    } catch (SdkClientException e) {
      throw new MarketplaceException(Reason.UNAVAILABLE, "AWS Marketplace cannot be reached.", e);
    }
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
  }
}
