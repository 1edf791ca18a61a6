package com.billingcenter.marketplace.control;

import com.billingcenter.marketplace.entity.AgreementTerms;
import com.billingcenter.marketplace.entity.AgreementTerms.PricingModel;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.UtcTimes;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS agreements whose accepted terms were read, per cloud account: those of its license and of
 * the licenses it held before (a renewal or replacement that issued a new one), newest linked
 * first. The one in force in an hour is the newest that had started by then: a future-dated
 * agreement "provisions its licence at its start date" (Seller Guide, future-dated offers), so its
 * terms apply from that hour on, and the agreement before it (if any) until then. Metering, bills
 * and the reconciliation statement all ask here, so they agree on which terms priced an hour.
 */
public final class AgreementsInForce {

  /** An agreement's read terms, as metering and pricing use them. */
  public record ReadAgreement(
      String agreementId,
      Instant startsAt,
      PricingModel model,
      Currency currency,
      Map<String, BigDecimal> rates,
      Map<String, Long> purchased,
      Map<String, Long> trialGrants,
      Period trialDuration,
      Instant acceptedAt) {

    /**
     * Whether it is future-dated: it starts later than it was accepted ("AcceptanceTime and
     * StartTime can differ for future dated agreements", API reference, DescribeAgreement), in a
     * later hour than its acceptance's. Unknown acceptance: not.
     */
    public boolean futureDated() {
      return startsAt != null
          && acceptedAt != null
          && !startsAt.isBefore(
              acceptedAt.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(3600));
    }

    /**
     * Whether its terms apply to {@code hour} (the hour's start) by its start: it had started when
     * the hour began (or says no start). An agreement that starts within an hour takes over from
     * the next one, as a new license does (the hour of a change is the former license's last); the
     * first agreement's own first hour is its anyway ({@link OfAccount#at}).
     */
    public boolean startedBy(Instant hour) {
      return startsAt == null || !startsAt.isAfter(hour);
    }

    /**
     * A free trial's hours, {@code [from, until)}: from the hour of its start (or {@code since},
     * when it names none) for its duration ({@code FreeTrialPricingTerm.duration}; with none, for
     * as long as the agreement runs); empty when not a trial.
     */
    public Optional<Instant[]> trialWindow(Instant since) {
      if (model != PricingModel.FREE_TRIAL) {
        return Optional.empty();
      }
      // The hour it starts in is its first, as for any agreement (startedBy).
      Instant from =
          (startsAt != null ? startsAt : since).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
      Instant until =
          trialDuration == null
              ? Instant.parse("9999-12-31T00:00:00Z")
              : from.atZone(ZoneOffset.UTC).plus(trialDuration).toInstant();
      return Optional.of(new Instant[] {from, until});
    }
  }

  /** An account's read agreements, newest linked first. */
  public record OfAccount(List<ReadAgreement> newestFirst) {

    /**
     * The agreement in force in {@code hour}: the newest that had started; before them all, the
     * first, unless it is future-dated (none is in force then). An hour before an agreement's
     * acceptance can still be the account's (a late report, a clock apart): it is the first
     * agreement's, not nobody's.
     */
    public Optional<ReadAgreement> at(Instant hour) {
      Optional<ReadAgreement> started =
          newestFirst.stream().filter(a -> a.startedBy(hour)).findFirst();
      if (started.isPresent() || newestFirst.isEmpty()) {
        return started;
      }
      ReadAgreement first = newestFirst.get(newestFirst.size() - 1);
      return first.futureDated() ? Optional.empty() : Optional.of(first);
    }

    /** The future-dated agreement that starts after {@code hour} when none is in force then. */
    public Optional<ReadAgreement> notStartedAt(Instant hour) {
      return at(hour).isPresent() || newestFirst.isEmpty()
          ? Optional.empty()
          : Optional.of(newestFirst.get(newestFirst.size() - 1));
    }
  }

  private AgreementsInForce() {}

  /** The read agreements of the accounts that have any, on the caller's connection. */
  public static Map<Long, OfAccount> of(Connection c, Collection<Long> accounts)
      throws SQLException {
    List<Long> ids = accounts.stream().distinct().toList();
    Map<Long, List<ReadAgreement>> read = new HashMap<>();
    if (ids.isEmpty()) {
      return Map.of();
    }
    record Row(long account, ReadAgreement agreement) {}
    for (Row row :
        Sql.list(
            c,
            "SELECT c.id, a.agreement_id, a.starts_at, a.pricing_model, a.currency,"
                + " a.usage_rates, a.purchased, a.trial_grants, a.trial_duration, a.accepted_at"
                + " FROM cloud_account c JOIN marketplace_agreement a ON a.provider = c.provider"
                + " AND (a.license_key = c.license_id OR a.license_key IN (SELECT f.license_key"
                + " FROM cloud_account_license f WHERE f.cloud_account_id = c.id))"
                + " WHERE a.terms_state = 'READ' AND c.id IN ("
                + Sql.placeholders(ids.size())
                + ") ORDER BY c.id, a.linked_at DESC, a.id DESC",
            r ->
                new Row(
                    r.getLong(1),
                    new ReadAgreement(
                        r.getString(2),
                        UtcTimes.read(r, 3),
                        r.getString(4) == null
                            ? PricingModel.UNKNOWN
                            : PricingModel.valueOf(r.getString(4)),
                        r.getString(5) == null ? null : Currency.getInstance(r.getString(5)),
                        AgreementTerms.readPrices(r.getString(6)),
                        AgreementTerms.readQuantities(r.getString(7)),
                        AgreementTerms.readQuantities(r.getString(8)),
                        r.getString(9) == null ? null : Period.parse(r.getString(9)),
                        UtcTimes.read(r, 10))),
            ids)) {
      read.computeIfAbsent(row.account(), a -> new ArrayList<>()).add(row.agreement());
    }
    Map<Long, OfAccount> agreements = new HashMap<>();
    read.forEach((account, list) -> agreements.put(account, new OfAccount(List.copyOf(list))));
    return agreements;
  }
}
