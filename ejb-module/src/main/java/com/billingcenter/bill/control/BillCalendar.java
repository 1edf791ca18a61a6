package com.billingcenter.bill.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a month's bill becomes final: at 00:00 UTC on the close day of the next month ({@code
 * billing.bills.close-day}, the 3rd by default, as the product's documentation has it: last month's
 * bill after the 3rd). Until then the month is in progress. Months are UTC months.
 */
@ApplicationScoped
public class BillCalendar {

  /** The latest close day allowed: every month has it. */
  public static final int MAX_CLOSE_DAY = 28;

  @Inject
  @ConfigProperty(name = "billing.bills.close-day", defaultValue = "3")
  int closeDay;

  /** The instant the bill of {@code month} becomes final. */
  public Instant closesAt(YearMonth month) {
    int day = Math.max(1, Math.min(MAX_CLOSE_DAY, closeDay));
    return month.plusMonths(1).atDay(day).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Whether the bill of {@code month} is due to be final at {@code now}. */
  public boolean isDue(YearMonth month, Instant now) {
    return !now.isBefore(closesAt(month));
  }

  /** The latest month whose bill is due at {@code now}. */
  public YearMonth latestDue(Instant now) {
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    while (!isDue(month, now)) {
      month = month.minusMonths(1);
    }
    return month;
  }
}
