package com.billingcenter.marketplace.aws.control;

import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.entity.AgreementTerms;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.marketplaceagreement.MarketplaceAgreementClient;
import software.amazon.awssdk.services.marketplaceagreement.model.AcceptedTerm;
import software.amazon.awssdk.services.marketplaceagreement.model.ConfigurableUpfrontPricingTerm;
import software.amazon.awssdk.services.marketplaceagreement.model.DescribeAgreementResponse;
import software.amazon.awssdk.services.marketplaceagreement.model.FixedUpfrontPricingTerm;
import software.amazon.awssdk.services.marketplaceagreement.model.FreeTrialPricingTerm;
import software.amazon.awssdk.services.marketplaceagreement.model.GetAgreementTermsResponse;
import software.amazon.awssdk.services.marketplaceagreement.model.GrantItem;
import software.amazon.awssdk.services.marketplaceagreement.model.MarketplaceAgreementException;
import software.amazon.awssdk.services.marketplaceagreement.model.ResourceNotFoundException;
import software.amazon.awssdk.services.marketplaceagreement.model.UsageBasedPricingTerm;

/**
 * An agreement's accepted terms from the AWS Marketplace Agreement Service (API reference,
 * "DescribeAgreement" and "GetAgreementTerms"; us-east-1 only, "Supported AWS Regions"; callable by
 * the agreement's proposer or acceptor): every page of its terms (at most 50 a page), read into
 * {@link AgreementTerms}. The pricing model follows AWS's reference code ({@code
 * GetAgreementPricingType}, aws-samples/aws-marketplace-reference-code); term types the model does
 * not price (legal, support, BYOL, payment schedule, recurring payment, variable payment, and any
 * newer than SDK 2.40.2) are passed over.
 */
final class AwsAgreements {

  /** GetAgreementTerms: maxResults is 1 to 50. */
  static final int PAGE = 50;

  private AwsAgreements() {}

  static AgreementTerms of(MarketplaceAgreementClient client, String agreementId) {
    try {
      DescribeAgreementResponse described =
          client.describeAgreement(r -> r.agreementId(agreementId));
      List<AcceptedTerm> terms = new ArrayList<>();
      String next = null;
      do {
        String token = next;
        GetAgreementTermsResponse page =
            client.getAgreementTerms(
                r -> r.agreementId(agreementId).maxResults(PAGE).nextToken(token));
        terms.addAll(page.acceptedTerms());
        next = page.nextToken();
      } while (next != null && !next.isEmpty());
      return termsOf(described, terms);
    } catch (ResourceNotFoundException e) {
      // Possibly not visible yet so soon after its event: tried again later.
      throw new MarketplaceException(
          MarketplaceException.Reason.UNAVAILABLE, "AWS Marketplace does not know it yet.", e);
    } catch (MarketplaceAgreementException e) {
      throw AwsErrors.refused("the agreement's terms", e);
    } catch (SdkClientException e) {
      throw AwsErrors.unreachable(e);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new MarketplaceException(
          MarketplaceException.Reason.REFUSED,
          "AWS Marketplace answered terms we cannot read: " + e.getMessage(),
          e);
    }
  }

  /** The terms that price the agreement, from the accepted terms AWS listed. */
  static AgreementTerms termsOf(DescribeAgreementResponse described, List<AcceptedTerm> terms) {
    UsageBasedPricingTerm usage = null;
    ConfigurableUpfrontPricingTerm upfront = null;
    FixedUpfrontPricingTerm fixed = null;
    FreeTrialPricingTerm trial = null;
    Instant startsAt = described == null ? null : described.startTime();
    Instant endsAt = described == null ? null : described.endTime();
    Boolean autoRenew = null;
    for (AcceptedTerm term : terms) {
      usage = term.usageBasedPricingTerm() != null ? term.usageBasedPricingTerm() : usage;
      upfront =
          term.configurableUpfrontPricingTerm() != null
              ? term.configurableUpfrontPricingTerm()
              : upfront;
      fixed = term.fixedUpfrontPricingTerm() != null ? term.fixedUpfrontPricingTerm() : fixed;
      trial = term.freeTrialPricingTerm() != null ? term.freeTrialPricingTerm() : trial;
      if (term.validityTerm() != null) {
        // A future-dated agreement names the dates its validity term runs between.
        startsAt =
            term.validityTerm().agreementStartDate() != null
                ? term.validityTerm().agreementStartDate()
                : startsAt;
        endsAt =
            term.validityTerm().agreementEndDate() != null
                ? term.validityTerm().agreementEndDate()
                : endsAt;
      }
      if (term.renewalTerm() != null && term.renewalTerm().configuration() != null) {
        autoRenew = term.renewalTerm().configuration().enableAutoRenew();
      }
    }
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    if (usage != null) {
      usage.rateCards().stream()
          .flatMap(card -> card.rateCard().stream())
          .forEach(item -> rates.putIfAbsent(item.dimensionKey(), new BigDecimal(item.price())));
    }
    Map<String, Long> purchased = new LinkedHashMap<>();
    if (upfront != null && upfront.configuration() != null) {
      upfront
          .configuration()
          .dimensions()
          .forEach(
              d ->
                  purchased.merge(
                      d.dimensionKey(),
                      d.dimensionValue() == null ? 0L : d.dimensionValue().longValue(),
                      Long::sum));
    }
    if (fixed != null) {
      fixed.grants().forEach(g -> purchased.merge(g.dimensionKey(), quantity(g), Long::sum));
    }
    Map<String, Long> grants = new LinkedHashMap<>();
    Period trialDuration = null;
    if (trial != null) {
      trial.grants().forEach(g -> grants.put(g.dimensionKey(), quantity(g)));
      trialDuration = trial.duration() == null ? null : Period.parse(trial.duration());
    }
    String currency =
        usage != null && usage.currencyCode() != null
            ? usage.currencyCode()
            : upfront != null && upfront.currencyCode() != null
                ? upfront.currencyCode()
                : fixed != null ? fixed.currencyCode() : null;
    return new AgreementTerms(
        AgreementTerms.modelOf(usage != null, upfront != null, fixed != null, trial != null),
        currency,
        rates,
        purchased,
        grants,
        trialDuration,
        startsAt,
        endsAt,
        autoRenew,
        described == null
            ? null
            : new AgreementTerms.Described(
                described.status() == null ? null : described.statusAsString(),
                described.agreementType(),
                described.acceptor() == null ? null : described.acceptor().accountId(),
                described.proposalSummary() == null ? null : described.proposalSummary().offerId(),
                described.acceptanceTime()));
  }

  /** A grant's units; none stated means no limit (FreeTrialPricingTerm, GrantItem). */
  private static long quantity(GrantItem grant) {
    return grant.maxQuantity() == null ? Long.MAX_VALUE : grant.maxQuantity().longValue();
  }
}
