package com.billingcenter.bill.control;

import com.billingcenter.platform.control.Databases;
import com.billingcenter.platform.control.SchemaMigrations;
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
import java.util.ArrayList;
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
    try (Connection c = dataSource.getConnection()) {
      long id;
      Instant finalizedAt;
      String csv;
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT id, finalized_at, csv FROM bill WHERE owner_id = ? AND bill_month = ?")) {
        select.setLong(1, ownerId);
        select.setObject(2, month.atDay(1));
        try (ResultSet rows = select.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          id = rows.getLong(1);
          finalizedAt = UtcTimes.read(rows, 2);
          csv = rows.getString(3);
        }
      }
      List<BillLine> lines = new ArrayList<>();
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT workspace_id, workspace_name, site_code, settlement_method,"
                  + " cloud_account_id, billing_item, quantity, unit_price, amount, currency,"
                  + " kind, usage_month FROM bill_line WHERE bill_id = ? ORDER BY line_no")) {
        select.setLong(1, id);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            Currency currency = Currency.getInstance(rows.getString(10));
            lines.add(
                new BillLine(
                    rows.getLong(1),
                    rows.getString(2),
                    rows.getString(3),
                    rows.getString(4),
                    rows.getObject(5) == null ? null : rows.getLong(5),
                    rows.getString(6),
                    rows.getLong(7),
                    new BigDecimal(rows.getString(8)),
                    rows.getBigDecimal(9)
                        .setScale(
                            Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP),
                    currency,
                    SettlementPeriod.Kind.valueOf(rows.getString(11)),
                    YearMonth.from(rows.getObject(12, LocalDate.class))));
          }
        }
      }
      return Optional.of(new Stored(finalizedAt, lines, csv));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the final bill of " + month + ": " + e, e);
    }
  }

  /** Whether the owner's bill of {@code month} is final. */
  public boolean exists(long ownerId, YearMonth month) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT 1 FROM bill WHERE owner_id = ? AND bill_month = ?")) {
      select.setLong(1, ownerId);
      select.setObject(2, month.atDay(1));
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the final bill of " + month + ": " + e, e);
    }
  }

  /** The CSV of the owner's final bill of {@code month}, as issued. */
  public Optional<String> csv(long ownerId, YearMonth month) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT csv FROM bill WHERE owner_id = ? AND bill_month = ?")) {
      select.setLong(1, ownerId);
      select.setObject(2, month.atDay(1));
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the final bill of " + month + ": " + e, e);
    }
  }

  /** The months in {@code [from, to)} whose bill for the owner is final. */
  public List<YearMonth> finalMonths(long ownerId, YearMonth from, YearMonth to) {
    List<YearMonth> months = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT bill_month FROM bill WHERE owner_id = ? AND bill_month >= ?"
                    + " AND bill_month < ? ORDER BY bill_month")) {
      select.setLong(1, ownerId);
      select.setObject(2, from.atDay(1));
      select.setObject(3, to.atDay(1));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          months.add(YearMonth.from(rows.getObject(1, LocalDate.class)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the final bills: " + e, e);
    }
    return months;
  }

  /**
   * The owners whose bill of {@code month} is not final yet though they have usage in it or in the
   * months before it that late lines could come from (at most {@code max}).
   */
  public List<Long> unfinished(YearMonth month, int lookbackMonths, int max) {
    List<Long> owners = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT DISTINCT d.owner_id FROM usage_day d WHERE d.usage_day >= ?"
                    + " AND d.usage_day < ? AND NOT EXISTS (SELECT 1 FROM bill b"
                    + " WHERE b.owner_id = d.owner_id AND b.bill_month = ?) ORDER BY d.owner_id")) {
      select.setObject(1, month.minusMonths(lookbackMonths).atDay(1));
      select.setObject(2, month.plusMonths(1).atDay(1));
      select.setObject(3, month.atDay(1));
      select.setMaxRows(max);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          owners.add(rows.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot find the bills to make final: " + e, e);
    }
    return owners;
  }

  /** Whether the owner has any usage in {@code month}. */
  public boolean hasUsage(long ownerId, YearMonth month) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT 1 FROM usage_day WHERE owner_id = ? AND usage_day >= ?"
                    + " AND usage_day < ?")) {
      select.setLong(1, ownerId);
      select.setObject(2, month.atDay(1));
      select.setObject(3, month.plusMonths(1).atDay(1));
      select.setMaxRows(1);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the usage of " + month + ": " + e, e);
    }
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
                  + " unit_price, amount, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                  + " ?)")) {
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement next =
            c.prepareStatement(
                Databases.isPostgres(c)
                    ? "SELECT nextval('bill_seq')"
                    : "SELECT NEXT VALUE FOR bill_seq")) {
      try (ResultSet rows = next.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot number a bill: " + e, e);
    }
  }
}
