package com.billingcenter.cloudaccount.rest;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.cloudaccount.boundary.CloudAccounts;
import com.billingcenter.cloudaccount.control.RecordedEntitlements;
import com.billingcenter.cloudaccount.entity.BuyerLicense;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.Entitlement;
import com.billingcenter.marketplace.boundary.Agreements;
import com.billingcenter.marketplace.entity.AgreementTerms;
import com.billingcenter.metering.boundary.MeteringLedger;
import com.billingcenter.platform.rest.Times;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's cloud accounts. */
@Path("v1/cloud-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cloud accounts", description = "AWS accounts (licenses) that pay for workspaces")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class CloudAccountResource {

  @Inject Caller caller;
  @Inject Accounts accounts;
  @Inject CloudAccounts cloudAccounts;
  @Inject Agreements agreements;
  @Inject MeteringLedger ledger;
  @Inject java.time.Clock clock;

  /** A workspace a cloud account settles. */
  public record SettledWorkspaceJson(long id, String name, String siteCode) {}

  /**
   * A cloud account: the reference of its license as {@code licenseArn} when current, as {@code
   * customerIdentifier} when legacy (the API keeps AWS's names, which it was first published with);
   * while ending, the end of its final metering hour; once ended, when; and the contract's
   * entitlements as AWS last reported them.
   */
  public record CloudAccountJson(
      long id,
      String provider,
      String accountId,
      String licenseArn,
      String customerIdentifier,
      String productCode,
      String status,
      boolean freeTrial,
      Instant since,
      Instant finalMeteringUntil,
      Instant endedAt,
      List<Entitlement> entitlements,
      List<SettledWorkspaceJson> workspaces,
      AgreementJson agreement) {

    static CloudAccountJson of(
        CloudAccount c, List<Workspace> settled, Optional<Agreements.Agreement> agreement) {
      BuyerLicense license = c.license();
      return new CloudAccountJson(
          c.id(),
          c.provider(),
          c.providerAccountId(),
          license.legacy() ? null : license.reference(),
          license.legacy() ? license.reference() : null,
          c.productCode(),
          c.status().name().toLowerCase(Locale.ROOT),
          c.freeTrial(),
          c.createdAt(),
          c.finalMeteringUntil(),
          c.endedAt(),
          RecordedEntitlements.of(c),
          settled.stream()
              .map(w -> new SettledWorkspaceJson(w.id(), w.name(), w.siteCode()))
              .toList(),
          agreement.map(AgreementJson::of).orElse(null));
    }
  }

  /**
   * The AWS agreement behind a cloud account and the terms its buyer accepted: {@code terms} is
   * {@code due} until read with the Agreement API, {@code read}, or {@code refused} (AWS does not
   * show them to us, e.g. a channel partner's agreement: its usage is priced at the list price);
   * the pricing model ({@code subscription}, {@code contract}, {@code contract_with_consumption},
   * {@code free_trial}), the currency, the price of a unit per dimension, the units bought per
   * dimension, a free trial's grants and length, and the validity and auto-renewal; what AWS says
   * of the agreement itself: its {@code status} (e.g. {@code ACTIVE}), the {@code offerId}
   * accepted, the acceptor's AWS account and when it was accepted; for a contract, the units
   * metering counted against it per dimension ({@code usedSoFar}) and, paid upfront, those used
   * beyond it ({@code beyondContract}, not charged).
   */
  public record AgreementJson(
      String id,
      String terms,
      String termsError,
      String pricingModel,
      String currency,
      Map<String, BigDecimal> rates,
      Map<String, Long> purchased,
      Map<String, Long> trialGrants,
      String trialDuration,
      Instant startsAt,
      Instant endsAt,
      Boolean autoRenew,
      String status,
      String offerId,
      String acceptorAccountId,
      Instant acceptedAt,
      Map<String, Long> usedSoFar,
      Map<String, Long> beyondContract) {

    static AgreementJson of(Agreements.Agreement a) {
      var t = a.terms();
      return new AgreementJson(
          a.agreementId(),
          a.termsState().name().toLowerCase(Locale.ROOT),
          a.termsError(),
          t.map(x -> x.model().name().toLowerCase(Locale.ROOT)).orElse(null),
          t.map(x -> x.currency()).orElse(null),
          t.map(x -> x.usageRates()).orElse(null),
          t.map(x -> x.purchased()).orElse(null),
          t.map(x -> x.trialGrants()).orElse(null),
          t.map(x -> x.trialDuration() == null ? null : x.trialDuration().toString()).orElse(null),
          t.map(x -> x.startsAt()).orElse(null),
          t.map(x -> x.endsAt()).orElse(null),
          t.map(x -> x.autoRenew()).orElse(null),
          described(a).map(AgreementTerms.Described::status).orElse(null),
          described(a).map(AgreementTerms.Described::offerId).orElse(null),
          described(a).map(AgreementTerms.Described::acceptorAccountId).orElse(null),
          described(a).map(AgreementTerms.Described::acceptedAt).orElse(null),
          a.usedSoFar(),
          a.beyond());
    }

    private static Optional<AgreementTerms.Described> described(Agreements.Agreement a) {
      return a.terms().map(AgreementTerms::described);
    }
  }

  @GET
  @Operation(
      summary = "The cloud accounts",
      description = "Every cloud account set up by the caller, with the workspaces it settles.")
  public List<CloudAccountJson> all() {
    var owner = caller.account();
    return cloudAccounts.withWorkspaces(owner).entrySet().stream()
        .map(e -> CloudAccountJson.of(e.getKey(), e.getValue(), agreements.of(e.getKey())))
        .toList();
  }

  /**
   * One hour of one dimension of the metering ledger; {@code includedQuantity} is what the
   * agreement's contract already paid for (not sent to AWS), {@code sentQuantity} the rest.
   */
  public record MeteringLineJson(
      Instant hour,
      String dimension,
      long computedQuantity,
      long sentQuantity,
      String state,
      String awsStatus,
      String meteringRecordId,
      boolean agree,
      boolean finalFlush,
      int attempts,
      String lastError,
      long lateQuantity,
      Instant lateFrom,
      Instant lateUntil,
      long includedQuantity) {

    static MeteringLineJson of(MeteringLedger.Line l) {
      return new MeteringLineJson(
          l.hour(),
          l.dimension(),
          l.computedQuantity(),
          l.sentQuantity(),
          l.state().name().toLowerCase(Locale.ROOT),
          l.awsStatus(),
          l.meteringRecordId(),
          l.agree(),
          l.finalFlush(),
          l.attempts(),
          l.lastError(),
          l.lateQuantity(),
          l.lateFrom(),
          l.lateUntil(),
          l.includedQuantity());
    }
  }

  @GET
  @Path("{id}/metering")
  @Operation(
      summary = "The metering ledger of a cloud account",
      description =
          "For each hour and dimension in [from, to) (ISO-8601 UTC; default the last 24 hours, at"
              + " most 31 days): the quantity the usage gives, the quantity sent to AWS, AWS's"
              + " status and record id, and whether they agree. Newest hour first.")
  public List<MeteringLineJson> metering(
      @PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
    var owner = caller.account();
    Instant end = to == null ? clock.instant() : Times.parse(to, "to");
    Instant start =
        from == null ? end.minus(java.time.Duration.ofHours(24)) : Times.parse(from, "from");
    return ledger.ledger(owner, id, start, end).stream().map(MeteringLineJson::of).toList();
  }
}
