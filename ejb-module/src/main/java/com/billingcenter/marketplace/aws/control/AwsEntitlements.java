package com.billingcenter.marketplace.aws.control;

import com.billingcenter.cloudaccount.entity.Entitlement;
import com.billingcenter.cloudaccount.entity.ResolvedBuyer;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.control.MarketplaceException.Reason;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.marketplaceentitlement.MarketplaceEntitlementClient;
import software.amazon.awssdk.services.marketplaceentitlement.model.EntitlementValue;
import software.amazon.awssdk.services.marketplaceentitlement.model.GetEntitlementFilterName;
import software.amazon.awssdk.services.marketplaceentitlement.model.GetEntitlementsResponse;
import software.amazon.awssdk.services.marketplaceentitlement.model.MarketplaceEntitlementException;

/** A buyer's entitlements through GetEntitlements, every page of them. */
final class AwsEntitlements {

  /** GetEntitlements' filter by license, which the SDK's enum predates. */
  static final String LICENSE_ARN_FILTER = "LICENSE_ARN";

  /** AWS answers GetEntitlements in pages of at most this many. */
  static final int ENTITLEMENTS_PER_PAGE = 25;

  /** A buyer with more pages than this is not a buyer but a loop. */
  private static final int MAX_ENTITLEMENT_PAGES = 400;

  private AwsEntitlements() {}

  static List<Entitlement> of(
      MarketplaceEntitlementClient entitlement, String productCode, ResolvedBuyer buyer) {
    String buyerArn = AwsLicenses.arnOf(buyer.license());
    // Current products: the buyer's license (AWS Marketplace API reference, GetEntitlements:
    // filter LICENSE_ARN; one AWS account may hold concurrent licenses). The 2.41 model lacks that
    // filter name and the answer's LicenseArn, so the name is sent as a string and the raw answer
    // is read to keep only this license's entitlements. Legacy products: the customer identifier.
    Map<String, List<String>> filter =
        buyerArn != null
            ? Map.of(LICENSE_ARN_FILTER, List.of(buyerArn))
            : Map.of(
                GetEntitlementFilterName.CUSTOMER_IDENTIFIER.toString(),
                List.of(buyer.license().reference()));
    List<Entitlement> entitlements = new ArrayList<>();
    String nextToken = null;
    int pages = 0;
    try {
      do {
        if (++pages > MAX_ENTITLEMENT_PAGES) {
          throw new MarketplaceException(
              Reason.REFUSED, "AWS Marketplace's entitlement pages do not end.", null);
        }
        AtomicReference<JsonObject> raw = new AtomicReference<>();
        String token = nextToken;
        GetEntitlementsResponse page =
            entitlement.getEntitlements(
                r ->
                    r.productCode(productCode)
                        .filterWithStrings(filter)
                        .maxResults(ENTITLEMENTS_PER_PAGE)
                        .nextToken(token)
                        .overrideConfiguration(
                            o -> o.putExecutionAttribute(RawAnswer.ANSWER, raw)));
        JsonArray rawEntitlements =
            raw.get() == null ? null : raw.get().getJsonArray("Entitlements");
        for (int i = 0; i < page.entitlements().size(); i++) {
          String licenseArn =
              rawEntitlements == null || i >= rawEntitlements.size()
                  ? null
                  : RawAnswer.text(rawEntitlements.get(i), "LicenseArn");
          if (buyerArn == null || licenseArn == null || licenseArn.equals(buyerArn)) {
            entitlements.add(entitlementOf(page.entitlements().get(i)));
          }
        }
        nextToken = page.nextToken();
      } while (nextToken != null && !nextToken.isEmpty());
    } catch (MarketplaceEntitlementException e) {
      throw AwsErrors.refused("GetEntitlements", e);
    } catch (SdkClientException e) {
      throw AwsErrors.unreachable(e);
    }
    return entitlements;
  }

  private static Entitlement entitlementOf(
      software.amazon.awssdk.services.marketplaceentitlement.model.Entitlement e) {
    EntitlementValue v = e.value();
    String value =
        v == null
            ? null
            : v.integerValue() != null
                ? v.integerValue().toString()
                : v.doubleValue() != null
                    ? BigDecimal.valueOf(v.doubleValue()).stripTrailingZeros().toPlainString()
                    : v.booleanValue() != null ? v.booleanValue().toString() : v.stringValue();
    return new Entitlement(e.dimension(), value, e.expirationDate());
  }
}
