package com.billingcenter.bill.control;

import com.billingcenter.platform.control.Databases;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.workspace.entity.SettlementPeriod;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The final bills as they were made ({@code bill}, {@code bill_line}): their lines, priced then,
 * and their CSV as issued. A final bill is written once and never changed.
 */
@ApplicationScoped
public class FinalBills {

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  /** A final bill: when it was made, its lines in order, its CSV. */
  public record Stored(Instant finalizedAt, List<BillLine> lines, String csv) {}

  public Optional<Stored> find(long ownerId, YearMonth month) {
    String what = "the final bill of " + month;
    record Head(long id, Instant finalizedAt, String csv) {}
    return Sql.first(
            dataSource,
            what,
            "SELECT id, finalized_at, csv FROM bill WHERE owner_id = ? AND bill_month = ?",
            row -> new Head(row.getLong(1), UtcTimes.read(row, 2), row.getString(3)),
            ownerId,
            month.atDay(1))
        .map(
            head ->
                new Stored(
                    head.finalizedAt(),
                    Sql.list(
                        dataSource,
                        what,
                        "SELECT workspace_id, workspace_name, site_code, settlement_method,"
                            + " cloud_account_id, billing_item, quantity, unit_price, amount,"
                            + " currency, kind, usage_month, agreement_id, included FROM bill_line"
                            + " WHERE bill_id = ?"
                            + " ORDER BY line_no",
                        FinalBills::line,
                        head.id()),
                    head.csv()));
  }

  /** A stored line, its amount in the currency's minor unit (the column keeps four decimals). */
  private static BillLine line(ResultSet row) throws SQLException {
    Currency currency = Currency.getInstance(row.getString(10));
    return new BillLine(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getObject(5) == null ? null : row.getLong(5),
        row.getString(6),
        row.getLong(7),
        new BigDecimal(row.getString(8)),
        row.getBigDecimal(9)
            .setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP),
        currency,
        SettlementPeriod.Kind.valueOf(row.getString(11)),
        YearMonth.from(row.getObject(12, LocalDate.class)),
        row.getString(13),
        row.getBoolean(14));
  }

  /** Whether the owner's bill of {@code month} is final. */
  public boolean exists(long ownerId, YearMonth month) {
    return Sql.first(
            dataSource,
            "the final bill of " + month,
            "SELECT 1 FROM bill WHERE owner_id = ? AND bill_month = ?",
            row -> true,
            ownerId,
            month.atDay(1))
        .isPresent();
  }

  /** The CSV of the owner's final bill of {@code month}, as issued. */
  public Optional<String> csv(long ownerId, YearMonth month) {
    return Sql.first(
        dataSource,
        "the final bill of " + month,
        "SELECT csv FROM bill WHERE owner_id = ? AND bill_month = ?",
        row -> row.getString(1),
        ownerId,
        month.atDay(1));
  }

  /** The months in {@code [from, to)} whose bill for the owner is final. */
  public List<YearMonth> finalMonths(long ownerId, YearMonth from, YearMonth to) {
    return Sql.list(
        dataSource,
        "the final bills",
        "SELECT bill_month FROM bill WHERE owner_id = ? AND bill_month >= ? AND bill_month < ?"
            + " ORDER BY bill_month",
        row -> YearMonth.from(row.getObject(1, LocalDate.class)),
        ownerId,
        from.atDay(1),
        to.atDay(1));
  }

  /**
   * The owners after {@code afterOwner} (by id) whose bill of {@code month} is not final yet though
   * they have usage in it or in the months before it that late lines could come from (at most
   * {@code max}, in id order).
   */
  public List<Long> unfinished(YearMonth month, int lookbackMonths, long afterOwner, int max) {
    return Sql.list(
        dataSource,
        "the bills to make final",
        "SELECT DISTINCT d.owner_id FROM usage_day d WHERE d.usage_day >= ? AND d.usage_day < ?"
            + " AND d.owner_id > ? AND NOT EXISTS (SELECT 1 FROM bill b"
            + " WHERE b.owner_id = d.owner_id AND b.bill_month = ?) ORDER BY d.owner_id FETCH FIRST "
            + Math.max(1, max)
            + " ROWS ONLY",
        row -> row.getLong(1),
        month.minusMonths(lookbackMonths).atDay(1),
        month.plusMonths(1).atDay(1),
        afterOwner,
        month.atDay(1));
  }

  /** Whether the owner has any usage in {@code month}. */
  public boolean hasUsage(long ownerId, YearMonth month) {
    return Sql.first(
            dataSource,
            "the usage of " + month,
            "SELECT 1 FROM usage_day WHERE owner_id = ? AND usage_day >= ? AND usage_day < ?"
                + " FETCH FIRST 1 ROWS ONLY",
            row -> true,
            ownerId,
            month.atDay(1),
            month.plusMonths(1).atDay(1))
        .isPresent();
  }

  /**
   * Writes a final bill; fails (a unique key) when the owner's bill of the month was made final
   * meanwhile, e.g. by another instance. Runs in the caller's transaction.
   */
  public void store(
      long id,
      long ownerId,
      YearMonth month,
      Instant finalizedAt,
      List<BillLine> lines,
      String csv) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO bill (id, owner_id, bill_month, finalized_at, csv)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        insert.setLong(1, id);
        insert.setLong(2, ownerId);
        insert.setObject(3, month.atDay(1));
        insert.setTimestamp(4, Timestamp.valueOf(UtcTimes.local(finalizedAt)));
        insert.setString(5, csv);
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO bill_line (bill_id, line_no, usage_month, workspace_id, workspace_name,"
                  + " site_code, settlement_method, cloud_account_id, billing_item, kind, quantity,"
                  + " unit_price, amount, currency, agreement_id, included)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int no = 0;
        for (BillLine line : lines) {
          insert.setLong(1, id);
          insert.setInt(2, ++no);
          insert.setObject(3, line.usageMonth().atDay(1));
          insert.setLong(4, line.workspaceId());
          insert.setString(5, line.workspaceName());
          insert.setString(6, line.siteCode());
          insert.setString(7, line.settlementMethod());
          insert.setObject(8, line.cloudAccountId(), java.sql.Types.BIGINT);
          insert.setString(9, line.billingItem());
          insert.setString(10, line.kind().name());
          insert.setLong(11, line.quantity());
          insert.setString(12, line.unitPrice().toPlainString());
          insert.setBigDecimal(13, line.amount());
          insert.setString(14, line.currency().getCurrencyCode());
          insert.setString(15, line.agreementId());
          insert.setBoolean(16, line.included());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot store the final bill of " + month + ": " + e, e);
    }
  }

  /** A new bill's id. */
  public long nextId() {
    return Databases.nextValue(dataSource, "bill_seq");
  }
}
