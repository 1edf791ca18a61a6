package com.billingcenter.marketplace.aws.control;

import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.control.MarketplaceException.Reason;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What AWS Marketplace's errors mean here: whether a call may be tried again, or is refused. */
final class AwsErrors {

  private AwsErrors() {}

  /** Throttling and AWS's own failures may pass; anything else AWS refuses is final. */
  static MarketplaceException refused(String operation, AwsServiceException e) {
    Reason reason =
        e.statusCode() >= 500 || e.isThrottlingException() ? Reason.UNAVAILABLE : Reason.REFUSED;
    return new MarketplaceException(
        reason, "AWS Marketplace refused " + operation + ": " + e.awsErrorDetails().errorCode(), e);
  }

  /**
   * BatchMeterUsage's errors that say a record of the call is invalid (AWS Marketplace API
   * reference, BatchMeterUsage, Errors: "if any of the records are outside of the allowed range,
   * the entire batch is not processed"): the call is then split until the record is found, and only
   * that record is refused.
   */
  static final Set<String> INVALID_RECORD_ERRORS =
      Set.of(
          "InvalidCustomerIdentifierException",
          "InvalidLicenseException",
          "InvalidTagException",
          "InvalidUsageAllocationsException",
          "InvalidUsageDimensionException",
          "TimestampOutOfBoundsException");

  /**
   * A BatchMeterUsage call AWS refused as a whole. Only the errors that name an invalid record are
   * final; any other passes, and the records are sent again later: throttling and AWS's own faults,
   * but also the errors every AWS API may answer (API reference, Common Errors) for expired or
   * refused credentials, a missing permission, or a signature refused because the clock is more
   * than 15 minutes off (RequestExpired, InvalidSignatureException), and codes we do not know.
   */
  static MarketplaceException meteringRefused(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    Reason reason = INVALID_RECORD_ERRORS.contains(code) ? Reason.REFUSED : Reason.UNAVAILABLE;
    return new MarketplaceException(reason, "AWS Marketplace refused BatchMeterUsage: " + code, e);
  }

  static MarketplaceException unreachable(SdkClientException e) {
    return new MarketplaceException(Reason.UNAVAILABLE, "AWS Marketplace cannot be reached.", e);
  }
}
