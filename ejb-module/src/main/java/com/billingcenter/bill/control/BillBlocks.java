package com.billingcenter.bill.control;

import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import javax.sql.DataSource;

/**
 * Why a bill is blocked from being made final, for the operators' Month close page: kept in a
 * transaction of its own (the closing attempt itself is rolled back); a row of a bill made final
 * since is no longer read (closing writes nothing more per bill for it).
 */
@Stateless
public class BillBlocks {

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject Clock clock;

  /** The owner's bill of {@code month} is blocked: {@code unpriced} lines have no price. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void blocked(
      long ownerId, YearMonth month, String billingItem, String currency, int unpriced) {
    int updated =
        Sql.update(
            dataSource,
            "a blocked bill",
            "UPDATE bill_blocked SET billing_item = ?, currency = ?, unpriced = ?, seen_at = ?"
                + " WHERE owner_id = ? AND bill_month = ?",
            billingItem,
            currency,
            unpriced,
            clock.instant(),
            ownerId,
            month.atDay(1));
    if (updated == 0) {
      Sql.update(
          dataSource,
          "a blocked bill",
          "INSERT INTO bill_blocked (owner_id, bill_month, billing_item, currency, unpriced,"
              + " seen_at) VALUES (?, ?, ?, ?, ?, ?)",
          ownerId,
          month.atDay(1),
          billingItem,
          currency,
          unpriced,
          clock.instant());
    }
  }
}
