package com.billingcenter.sandbox.aws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS Marketplace Agreement Service of the sandbox (API reference, "DescribeAgreement" and
 * "GetAgreementTerms"; AWS JSON 1.0, target prefix {@code AWSMPCommerceService_v20200301}): each
 * buyer's agreement answers with the offer the tester gave the buyer, its terms in the shapes of
 * the API reference's data types and of AWS's mock answers (aws-samples/aws-marketplace-reference-
 * code): a public or private subscription (usage-based rate card, any currency), a contract
 * (configurable upfront, its purchased units), a contract with consumption (both), a free trial
 * (its grants, then the usage-based rates), future-dated ones (validity term dates), with or
 * without auto-renewal. An offer marked {@code refused} answers AccessDeniedException, as AWS does
 * to a seller that is not the agreement's proposer (a channel partner's offer).
 */
@ApplicationScoped
public class SandboxAgreements {

  private static final JsonProvider JSON = JsonProvider.provider();

  /** What the buyer accepted. */
  public record Offer(
      String pricing,
      String currency,
      Map<String, String> rates,
      Map<String, Integer> purchased,
      Integer trialDays,
      Map<String, Integer> grants,
      Instant startsAt,
      Instant endsAt,
      boolean autoRenew,
      boolean refused) {

    /** A public offer: usage-based, in USD, at the listing's prices (none named here). */
    static Offer publicOffer() {
      return new Offer(
          "subscription", "USD", Map.of(), Map.of(), null, Map.of(), null, null, false, false);
    }
  }

  /** Who accepted an agreement, and when. */
  private record Accepted(String awsAccountId, Offer offer, Instant at) {}

  private final Map<String, Accepted> agreements = new ConcurrentHashMap<>();

  /** Records the offer the buyer accepted in the agreement. */
  public void accepted(String agreementId, String awsAccountId, Offer offer, Instant at) {
    agreements.put(agreementId, new Accepted(awsAccountId, offer, at));
  }

  /** An amendment: the agreement's terms are the amended offer's from now on. */
  public void amended(String agreementId, Offer offer) {
    agreements.computeIfPresent(
        agreementId, (id, before) -> new Accepted(before.awsAccountId(), offer, before.at()));
  }

  /** A renewal or replacement: the new agreement takes over the offer of the one it follows. */
  public void carriedOn(String from, String to, Instant at) {
    Accepted before = agreements.get(from);
    if (before != null) {
      agreements.put(to, new Accepted(before.awsAccountId(), before.offer(), at));
    }
  }

  /** The offer of an agreement (the public one when the tester named none). */
  public Offer offerOf(String agreementId) {
    Accepted accepted = agreements.get(agreementId);
    return accepted == null ? Offer.publicOffer() : accepted.offer();
  }

  /** An offer as a tester writes it in a buyer's JSON ({@code "offer": {...}}). */
  public static Offer read(JsonObject json) {
    String pricing = json.getString("pricing", "subscription");
    if (!java.util.Set.of("subscription", "contract", "contractWithConsumption", "freeTrial")
        .contains(pricing)) {
      throw new IllegalArgumentException(
          "pricing is subscription, contract, contractWithConsumption or freeTrial.");
    }
    String currency = json.getString("currency", "USD");
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency is three capital letters.");
    }
    Map<String, String> rates = new LinkedHashMap<>();
    if (json.get("rates") instanceof JsonObject r) {
      r.forEach(
          (k, v) ->
              rates.put(
                  k,
                  new BigDecimal(
                          v instanceof JsonString s ? s.getString() : ((JsonNumber) v).toString())
                      .toPlainString()));
    }
    return new Offer(
        pricing,
        currency,
        rates,
        quantities(json.get("purchased")),
        json.containsKey("trialDays") ? json.getInt("trialDays") : null,
        quantities(json.get("grants")),
        json.containsKey("startsAt") ? Instant.parse(json.getString("startsAt")) : null,
        json.containsKey("endsAt") ? Instant.parse(json.getString("endsAt")) : null,
        json.getBoolean("autoRenew", false),
        json.getBoolean("refused", false));
  }

  private static Map<String, Integer> quantities(JsonValue value) {
    Map<String, Integer> quantities = new LinkedHashMap<>();
    if (value instanceof JsonObject q) {
      q.forEach((k, v) -> quantities.put(k, ((JsonNumber) v).intValueExact()));
    }
    return quantities;
  }

  /** DescribeAgreement. */
  JsonObject describe(JsonObject input) {
    String id = agreementId(input);
    Accepted accepted = known(id);
    Offer offer = accepted.offer();
    Instant start = offer.startsAt() != null ? offer.startsAt() : accepted.at();
    JsonObjectBuilder out =
        JSON.createObjectBuilder()
            .add("agreementId", id)
            .add("acceptor", JSON.createObjectBuilder().add("accountId", accepted.awsAccountId()))
            .add(
                "proposer",
                JSON.createObjectBuilder().add("accountId", SellerEvents.SELLER_ACCOUNT))
            .add("agreementType", "PurchaseAgreement")
            .add(
                "proposalSummary",
                JSON.createObjectBuilder()
                    .add("offerId", "offer-" + offer.pricing().toLowerCase(java.util.Locale.ROOT))
                    .add(
                        "resources",
                        JSON.createArrayBuilder()
                            .add(
                                JSON.createObjectBuilder()
                                    .add("id", "prod-sandbox")
                                    .add("type", "SaaSProduct"))))
            .add("status", "ACTIVE")
            .add("acceptanceTime", accepted.at().getEpochSecond())
            .add("startTime", start.getEpochSecond());
    if (offer.endsAt() != null) {
      out.add("endTime", offer.endsAt().getEpochSecond());
    }
    return out.build();
  }

  /** GetAgreementTerms: all terms on one page. */
  JsonObject terms(JsonObject input) {
    String id = agreementId(input);
    Offer offer = known(id).offer();
    int max = input.getInt("maxResults", 50);
    if (max < 1 || max > 50) {
      throw new AwsError(400, "ValidationException", "maxResults is 1 to 50.");
    }
    JsonArrayBuilder terms = JSON.createArrayBuilder();
    terms.add(
        JSON.createObjectBuilder()
            .add(
                "legalTerm",
                JSON.createObjectBuilder().add("type", "LegalTerm").add("id", "term-legal")));
    boolean usage = !offer.pricing().equals("contract");
    boolean upfront =
        offer.pricing().equals("contract") || offer.pricing().equals("contractWithConsumption");
    if (upfront) {
      JsonArrayBuilder rateCard = JSON.createArrayBuilder();
      JsonArrayBuilder dimensions = JSON.createArrayBuilder();
      offer
          .purchased()
          .forEach(
              (key, units) -> {
                rateCard.add(
                    JSON.createObjectBuilder().add("dimensionKey", key).add("price", "0.00"));
                dimensions.add(
                    JSON.createObjectBuilder()
                        .add("dimensionKey", key)
                        .add("dimensionValue", units));
              });
      terms.add(
          JSON.createObjectBuilder()
              .add(
                  "configurableUpfrontPricingTerm",
                  JSON.createObjectBuilder()
                      .add("type", "ConfigurableUpfrontPricingTerm")
                      .add("id", "term-upfront")
                      .add("currencyCode", offer.currency())
                      .add(
                          "rateCards",
                          JSON.createArrayBuilder()
                              .add(
                                  JSON.createObjectBuilder()
                                      .add(
                                          "selector",
                                          JSON.createObjectBuilder()
                                              .add("type", "Duration")
                                              .add("value", "P12M"))
                                      .add(
                                          "constraints",
                                          JSON.createObjectBuilder()
                                              .add("multipleDimensionSelection", "Allowed")
                                              .add("quantityConfiguration", "Allowed"))
                                      .add("rateCard", rateCard)))
                      .add(
                          "configuration",
                          JSON.createObjectBuilder()
                              .add("selectorValue", "P12M")
                              .add("dimensions", dimensions))));
    }
    if (usage) {
      JsonArrayBuilder rateCard = JSON.createArrayBuilder();
      offer
          .rates()
          .forEach(
              (key, price) ->
                  rateCard.add(
                      JSON.createObjectBuilder().add("dimensionKey", key).add("price", price)));
      terms.add(
          JSON.createObjectBuilder()
              .add(
                  "usageBasedPricingTerm",
                  JSON.createObjectBuilder()
                      .add("type", "UsageBasedPricingTerm")
                      .add("id", "term-usage")
                      .add("currencyCode", offer.currency())
                      .add(
                          "rateCards",
                          JSON.createArrayBuilder()
                              .add(JSON.createObjectBuilder().add("rateCard", rateCard)))));
    }
    if (offer.pricing().equals("freeTrial")) {
      JsonArrayBuilder grants = JSON.createArrayBuilder();
      offer
          .grants()
          .forEach(
              (key, units) ->
                  grants.add(
                      JSON.createObjectBuilder()
                          .add("dimensionKey", key)
                          .add("maxQuantity", units)));
      terms.add(
          JSON.createObjectBuilder()
              .add(
                  "freeTrialPricingTerm",
                  JSON.createObjectBuilder()
                      .add("type", "FreeTrialPricingTerm")
                      .add("id", "term-trial")
                      .add(
                          "duration",
                          "P" + (offer.trialDays() == null ? 30 : offer.trialDays()) + "D")
                      .add("grants", grants)));
    }
    JsonObjectBuilder validity =
        JSON.createObjectBuilder().add("type", "ValidityTerm").add("id", "term-validity");
    if (offer.startsAt() != null) {
      validity.add("agreementStartDate", offer.startsAt().getEpochSecond());
    }
    if (offer.endsAt() != null) {
      validity.add("agreementEndDate", offer.endsAt().getEpochSecond());
    } else {
      validity.add("agreementDuration", "P12M");
    }
    terms.add(JSON.createObjectBuilder().add("validityTerm", validity));
    terms.add(
        JSON.createObjectBuilder()
            .add(
                "renewalTerm",
                JSON.createObjectBuilder()
                    .add("type", "RenewalTerm")
                    .add("id", "term-renewal")
                    .add(
                        "configuration",
                        JSON.createObjectBuilder().add("enableAutoRenew", offer.autoRenew()))));
    return JSON.createObjectBuilder().add("acceptedTerms", terms).build();
  }

  private static String agreementId(JsonObject input) {
    String id = input.getString("agreementId", "");
    if (!id.matches("[A-Za-z0-9_/-]{1,64}")) {
      throw new AwsError(400, "ValidationException", "agreementId is not valid.");
    }
    return id;
  }

  private Accepted known(String id) {
    Accepted accepted = agreements.get(id);
    if (accepted == null) {
      throw new AwsError(400, "ResourceNotFoundException", "No agreement " + id + ".");
    }
    if (accepted.offer().refused()) {
      throw new AwsError(
          403, "AccessDeniedException", "You are not the proposer or acceptor of " + id + ".");
    }
    return accepted;
  }
}
