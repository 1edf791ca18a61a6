package com.billingcenter.marketplace.aws.control;

import com.billingcenter.cloudaccount.entity.BuyerLicense;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a buyer's license is compared. AWS writes one license in more than one form: {@code
 * ResolveCustomer} and real events give {@code arn:aws:license-manager::<account>:license:l-…},
 * while the Seller Guide's "License Updated" and "License Deprovisioned" examples ("Amazon
 * EventBridge events", Events for licenses) give {@code
 * aws:license-manager:us-east-1:<account>:l-…}. What they share is the license's resource id,
 * {@code l-} and hex digits: that id, in lower case, is the key. A legacy product's buyer has no
 * license and is known by the customer identifier.
 */
public final class AwsLicenses {

  /** The resource id at the end of a license ARN, after {@code :} or {@code /}. */
  private static final Pattern RESOURCE_ID = Pattern.compile("(?:^|[:/])(l-[0-9A-Za-z-]{1,64})$");

  /** The longest license ARN AWS allows (License Manager API reference, License.LicenseArn). */
  static final int MAX_ARN = 2048;

  private AwsLicenses() {}

  /** Whether {@code arn} is a license ARN in one of the forms AWS writes. */
  public static boolean isLicenseArn(String arn) {
    return arn != null
        && arn.length() <= MAX_ARN
        && arn.contains("license-manager:")
        && RESOURCE_ID.matcher(arn).find();
  }

  /**
   * The key of a buyer: the license's resource id for current products, {@code
   * customer:<identifier>} for legacy ones.
   *
   * @throws IllegalArgumentException for neither, or a license ARN in no form AWS writes
   */
  public static String key(String licenseArn, String customerIdentifier) {
    if (licenseArn != null && !licenseArn.isBlank()) {
      Matcher id = RESOURCE_ID.matcher(licenseArn);
      if (!isLicenseArn(licenseArn) || !id.find()) {
        throw new IllegalArgumentException("Not a license ARN: " + licenseArn);
      }
      return id.group(1).toLowerCase(Locale.ROOT);
    }
    if (customerIdentifier != null && !customerIdentifier.isBlank()) {
      return "customer:" + customerIdentifier;
    }
    throw new IllegalArgumentException("A buyer has a license ARN or a customer identifier.");
  }

  /**
   * A buyer's license as the rest of the Billing Center carries it: keyed as {@link #key} says, its
   * reference the license ARN, or for a legacy product the customer identifier.
   *
   * @throws IllegalArgumentException as {@link #key} does
   */
  public static BuyerLicense of(String licenseArn, String customerIdentifier) {
    String key = key(licenseArn, customerIdentifier);
    boolean legacy = licenseArn == null || licenseArn.isBlank();
    return new BuyerLicense(key, legacy ? customerIdentifier : licenseArn, legacy);
  }

  /**
   * A license ARN in the form {@code ResolveCustomer} gives and the metering calls take: as it is
   * if it is a full ARN; the Seller Guide's example form ({@code aws:license-manager:<region>:
   * <account>:l-…}) is written {@code arn:<partition>:license-manager::<acceptor>:license:l-…}.
   */
  public static String resolvedForm(String licenseArn, String provider, String acceptor) {
    if (licenseArn.startsWith("arn:") || acceptor == null) {
      return licenseArn;
    }
    return "arn:"
        + ("aws-cn".equals(provider) ? "aws-cn" : "aws")
        + ":license-manager::"
        + acceptor
        + ":license:"
        + key(licenseArn, null);
  }

  /** The license ARN of {@code license}; null for a legacy product's buyer. */
  public static String arnOf(BuyerLicense license) {
    return license.legacy() ? null : license.reference();
  }

  /** The customer identifier of a legacy product's buyer; null for current products. */
  public static String customerIdentifierOf(BuyerLicense license) {
    return license.legacy() ? license.reference() : null;
  }
}
