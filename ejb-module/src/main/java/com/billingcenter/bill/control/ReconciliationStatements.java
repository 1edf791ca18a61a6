package com.billingcenter.bill.control;

import com.billingcenter.bill.control.Reconciliation.Allocation;
import com.billingcenter.bill.control.Reconciliation.Line;
import com.billingcenter.marketplace.control.AgreementsInForce;
import com.billingcenter.marketplace.control.AgreementsInForce.ReadAgreement;
import com.billingcenter.marketplace.entity.AgreementTerms.PricingModel;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.usage.entity.BillingItem;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Makes and keeps reconciliation statements: a month's metering records of one cloud account
 * ({@code metering_record}), their allocations ({@code metering_allocation}), priced by the
 * agreement in force in each hour ({@link AgreementsInForce}) or, without readable terms, by the
 * public offer's list price in USD (public offers are USD only). An issued statement ({@code
 * reconciliation}) is read back from its CSV as issued.
 */
@Stateless
public class ReconciliationStatements {

  private static final Currency USD = Currency.getInstance("USD");

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject BillingItems items;

  /** The account's statement of {@code month} as its records stand now. */
  public Reconciliation current(long cloudAccountId, YearMonth month) {
    try (Connection c = dataSource.getConnection()) {
      return new Reconciliation(cloudAccountId, month, lines(c, cloudAccountId, month), null);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the reconciliation of " + month + ": " + e, e);
    }
  }

  /** The statement issued for {@code month}, if it was. */
  public Optional<Reconciliation> issued(long cloudAccountId, YearMonth month) {
    return stored(cloudAccountId, month)
        .map(
            s ->
                new Reconciliation(
                    cloudAccountId, month, ReconciliationCsv.read(s.csv()), s.finalizedAt()));
  }

  /** The CSV of the statement issued for {@code month}, if it was: the same bytes every time. */
  public Optional<String> issuedCsv(long cloudAccountId, YearMonth month) {
    return stored(cloudAccountId, month).map(Stored::csv);
  }

  /**
   * Issues the statement of {@code month} as its records stand, in a transaction of its own; fails
   * (a unique key) when it was issued meanwhile, e.g. by another instance, whose statement stands.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void issue(long cloudAccountId, YearMonth month, Instant at) {
    try (Connection c = dataSource.getConnection()) {
      String csv =
          ReconciliationCsv.write(
              new Reconciliation(cloudAccountId, month, lines(c, cloudAccountId, month), at));
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO reconciliation (cloud_account_id, statement_month, finalized_at, csv)"
                  + " VALUES (?, ?, ?, ?)")) {
        insert.setLong(1, cloudAccountId);
        insert.setObject(2, month.atDay(1));
        insert.setTimestamp(3, Timestamp.valueOf(UtcTimes.local(at)));
        insert.setString(4, csv);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot issue the reconciliation of " + month + ": " + e, e);
    }
  }

  private record Stored(Instant finalizedAt, String csv) {}

  private Optional<Stored> stored(long cloudAccountId, YearMonth month) {
    return Sql.first(
        dataSource,
        "the reconciliation of " + month,
        "SELECT finalized_at, csv FROM reconciliation"
            + " WHERE cloud_account_id = ? AND statement_month = ?",
        row -> new Stored(UtcTimes.read(row, 1), row.getString(2)),
        cloudAccountId,
        month.atDay(1));
  }

  private record Record(
      Instant hour,
      String dimension,
      String recordId,
      String state,
      String awsStatus,
      long included,
      long metered,
      String agreementId) {}

  private List<Line> lines(Connection c, long account, YearMonth month) throws SQLException {
    Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Record> records =
        Sql.list(
            c,
            "SELECT usage_hour, dimension, aws_record_id, state, aws_status, included_quantity,"
                + " quantity, agreement_id FROM metering_record WHERE cloud_account_id = ?"
                + " AND usage_hour >= ? AND usage_hour < ? ORDER BY usage_hour, dimension",
            r ->
                new Record(
                    UtcTimes.read(r, 1),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5),
                    r.getLong(6),
                    r.getLong(7),
                    r.getString(8)),
            account,
            from,
            to);
    Map<String, List<Allocation>> allocated = allocations(c, account, from, to);
    AgreementsInForce.OfAccount agreements =
        AgreementsInForce.of(c, List.of(account))
            .getOrDefault(account, new AgreementsInForce.OfAccount(List.of()));
    // What each free trial of the account has left to give at the month's start.
    Map<String, Map<String, Long>> trialLeft = new HashMap<>();
    for (ReadAgreement a : agreements.newestFirst()) {
      if (a.model() == PricingModel.FREE_TRIAL) {
        trialLeft.put(a.agreementId(), TrialGrants.leftAt(c, account, a, from));
      }
    }
    List<Line> lines = new ArrayList<>();
    for (Record r : records) {
      List<Allocation> parts =
          new ArrayList<>(allocated.getOrDefault(r.hour() + " " + r.dimension(), List.of()));
      long tagged = parts.stream().mapToLong(Allocation::quantity).sum();
      if (r.metered() > tagged) {
        parts.add(new Allocation(null, null, r.metered() - tagged));
      }
      Optional<ReadAgreement> agreement = agreementOf(agreements, r);
      long free = 0;
      Map<String, Long> left = agreement.map(a -> trialLeft.get(a.agreementId())).orElse(null);
      if (left != null
          && Reconciliation.CHARGED.contains(r.state())
          && TrialGrants.within(agreement.get(), r.hour())) {
        free = Math.min(r.metered(), left.getOrDefault(r.dimension(), 0L));
        left.merge(r.dimension(), -free, Long::sum);
      }
      lines.add(priced(r, parts, agreement, free));
    }
    return lines;
  }

  /** The record's agreement: the one it names, else the one in force in its hour. */
  private static Optional<ReadAgreement> agreementOf(
      AgreementsInForce.OfAccount agreements, Record r) {
    if (r.agreementId() != null) {
      Optional<ReadAgreement> named =
          agreements.newestFirst().stream()
              .filter(a -> a.agreementId().equals(r.agreementId()))
              .findFirst();
      if (named.isPresent()) {
        return named;
      }
    }
    return agreements.at(r.hour());
  }

  private Line priced(
      Record r, List<Allocation> parts, Optional<ReadAgreement> agreement, long free) {
    boolean charged = Reconciliation.CHARGED.contains(r.state());
    Optional<AgreementPrices.Priced> byAgreement =
        agreement.flatMap(a -> AgreementPrices.price(a, r.dimension(), r.metered()));
    String agreementId = byAgreement.map(AgreementPrices.Priced::agreementId).orElse(null);
    Currency currency = byAgreement.map(AgreementPrices.Priced::currency).orElse(USD);
    BigDecimal rate =
        byAgreement
            .map(AgreementPrices.Priced::unitPrice)
            .or(() -> listPrice(r.dimension(), LocalDate.ofInstant(r.hour(), ZoneOffset.UTC)))
            .orElse(null);
    BigDecimal amount =
        rate == null
            ? null
            : rate.multiply(BigDecimal.valueOf(charged ? r.metered() - free : 0))
                .setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
    return new Line(
        r.hour(),
        r.dimension(),
        r.recordId(),
        r.state(),
        r.awsStatus(),
        r.included(),
        r.metered(),
        free,
        parts,
        agreementId,
        rate,
        rate == null ? null : currency,
        amount);
  }

  /** The public offer's price of a dimension: its billing item's USD price on that day. */
  private Optional<BigDecimal> listPrice(String dimension, LocalDate day) {
    return items.all().stream()
        .filter(i -> dimension.equals(i.awsDimension()))
        .findFirst()
        .flatMap((BillingItem i) -> i.price(USD, day));
  }

  private static Map<String, List<Allocation>> allocations(
      Connection c, long account, Instant from, Instant to) throws SQLException {
    Map<String, List<Allocation>> allocations = new HashMap<>();
    record Row(Instant hour, String dimension, Allocation allocation) {}
    for (Row row :
        Sql.list(
            c,
            "SELECT usage_hour, dimension, workspace_id, site_code, quantity"
                + " FROM metering_allocation WHERE cloud_account_id = ?"
                + " AND usage_hour >= ? AND usage_hour < ?"
                + " ORDER BY usage_hour, dimension, workspace_id, site_code",
            r ->
                new Row(
                    UtcTimes.read(r, 1),
                    r.getString(2),
                    new Allocation(r.getLong(3), r.getString(4), r.getLong(5))),
            account,
            from,
            to)) {
      allocations
          .computeIfAbsent(row.hour() + " " + row.dimension(), k -> new ArrayList<>())
          .add(row.allocation());
    }
    return allocations;
  }
}
