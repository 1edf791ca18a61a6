package com.billingcenter.bill.rest;

import com.billingcenter.bill.boundary.Bills;
import com.billingcenter.bill.boundary.ConsumptionDetails;
import com.billingcenter.bill.control.Bill;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's monthly bill, as JSON or CSV, and the daily cost of the last days. */
@Path("v1/bills")
@Tag(name = "Bills", description = "What the caller's workspaces cost")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class BillResource {

  @Inject Caller caller;
  @Inject Bills bills;
  @Inject ConsumptionDetails consumption;
  @Inject Clock clock;

  /**
   * One line of the bill; {@code agreementId} names the AWS agreement whose terms priced it (in its
   * currency), absent for the list price; {@code included}: units the agreement's contract already
   * paid for, at 0.00.
   */
  public record LineJson(
      long workspaceId,
      String workspaceName,
      String siteCode,
      String settlementMethod,
      Long cloudAccountId,
      String billingItem,
      long quantity,
      BigDecimal unitPrice,
      BigDecimal amount,
      String currency,
      String charge,
      String usageMonth,
      boolean late,
      String agreementId,
      boolean included) {}

  /** The total of one settlement method (and cloud account) in one currency. */
  public record TotalJson(
      String settlementMethod, Long cloudAccountId, String currency, BigDecimal amount) {}

  /**
   * A month's bill: {@code status} is {@code in-progress} (it may still change; final at {@code
   * closesAt}) or {@code final} (since {@code finalizedAt}; it never changes).
   */
  public record BillJson(
      String month,
      String status,
      Instant closesAt,
      Instant finalizedAt,
      List<LineJson> lines,
      List<TotalJson> totals) {}

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary = "The bill of a month",
      description =
          "month=YYYY-MM (UTC; default: this month). Per workspace and billing item, the quantity,"
              + " unit price and amount in the site's currency, grouped by the settlement method"
              + " that paid for each hour; totals per method and currency. charge says whose the"
              + " usage is: settled (the method's), unsettled (used while the workspace was"
              + " locked, charged to the method that unlocks it), while_locked (such usage, charged"
              + " on unlock) or written_off (the workspace became fully locked; method"
              + " charged_to_owner: used while locked and paid by no new method, so charged to the"
              + " caller's Billing Center account; written_off: such usage before 2026-12, charged"
              + " to nobody). A month is in progress until its close day"
              + " (billing.bills.close-day of the next month, the 3rd by default), then final: it"
              + " never changes, and its CSV is the same bytes at every download. Usage of a final"
              + " month reported later is billed in a later month: its lines have usageMonth"
              + " before month and late true. With Accept: text/csv the same lines as CSV.")
  public Response month(
      @Context jakarta.ws.rs.core.HttpHeaders headers, @QueryParam("month") String month) {
    var owner = caller.account();
    YearMonth asked = Asked.month(month, clock);
    if (!owner.billedIn(asked, clock.instant())) {
      throw new RuleViolation(
          "parameter.invalid",
          "month must be a month of this account's life: from "
              + owner.firstBilledMonth()
              + " to this month.");
    }
    if (Asked.csv(headers)) {
      return Response.ok(bills.csv(owner, asked), "text/csv; charset=UTF-8")
          .header("Content-Disposition", "attachment; filename=\"bill-" + asked + ".csv\"")
          .build();
    }
    Bill bill = bills.month(owner, asked);
    List<TotalJson> totals = new ArrayList<>();
    for (Map.Entry<String, Map<java.util.Currency, BigDecimal>> group : bill.totals().entrySet()) {
      String[] parts = group.getKey().split(":", 2);
      for (var total : group.getValue().entrySet()) {
        totals.add(
            new TotalJson(
                parts[0],
                parts.length > 1 ? Long.valueOf(parts[1]) : null,
                total.getKey().getCurrencyCode(),
                total.getValue()));
      }
    }
    return Response.ok(
            new BillJson(
                bill.month().toString(),
                bill.isFinal() ? "final" : "in-progress",
                bill.closesAt(),
                bill.finalizedAt(),
                bill.lines().stream()
                    .map(
                        l ->
                            new LineJson(
                                l.workspaceId(),
                                l.workspaceName(),
                                l.siteCode(),
                                l.settlementMethod(),
                                l.cloudAccountId(),
                                l.billingItem(),
                                l.quantity(),
                                l.unitPrice(),
                                l.amount(),
                                l.currency().getCurrencyCode(),
                                l.charge(),
                                l.usageMonth().toString(),
                                bill.isLate(l),
                                l.agreementId(),
                                l.included()))
                    .toList(),
                totals),
            MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** One day's cost in one currency. */
  public record DayJson(String day, String currency, BigDecimal amount) {}

  /** The longest range of the daily costs. */
  static final int MAX_DAYS = ConsumptionDetails.MAX_DAYS;

  @GET
  @Path("daily")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The daily cost of the last days",
      description =
          "days=1..366 (default 30, today included; UTC days): the cost of each day per currency,"
              + " as the Bills page charts it. Usage written off costs nothing; days without cost"
              + " are left out.")
  public List<DayJson> daily(@QueryParam("days") String days) {
    var owner = caller.account();
    int count;
    try {
      count = days == null || days.isBlank() ? 30 : Integer.parseInt(days.strip());
    } catch (NumberFormatException e) {
      count = 0;
    }
    if (count < 1 || count > MAX_DAYS) {
      throw new RuleViolation("parameter.invalid", "days must be 1 to " + MAX_DAYS + ".");
    }
    return bills.daily(owner, count).stream()
        .map(d -> new DayJson(d.day().toString(), d.currency().getCurrencyCode(), d.amount()))
        .toList();
  }

  /** One day's use of one billing item in one currency. */
  public record ConsumptionJson(
      String day, String billingItem, long quantity, BigDecimal amount, String currency) {}

  @GET
  @Path("consumption")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary = "Consumption details of a period",
      description =
          "from=YYYY-MM-DD and to=YYYY-MM-DD (both included, UTC days, at most 366 days; default"
              + " the last 30 days), workspaceId to narrow it to one workspace: per day and billing"
              + " item, the quantity and its cost in the site's currency. Usage written off is"
              + " left out. With Accept: text/csv the same rows as CSV.")
  @APIResponse(responseCode = "400", description = "Bad dates, a period over 366 days.")
  @APIResponse(responseCode = "404", description = "Not one of the caller's workspaces.")
  public Response consumption(
      @Context jakarta.ws.rs.core.HttpHeaders headers,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("workspaceId") Long workspaceId) {
    var owner = caller.account();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate last = day(to, today);
    LocalDate first = day(from, last.minusDays(29));
    var rows = consumption.between(owner, first, last, workspaceId);
    if (Asked.csv(headers)) {
      java.io.StringWriter body = new java.io.StringWriter();
      consumption.csv(rows, body);
      return Response.ok(body.toString(), "text/csv; charset=UTF-8")
          .header(
              "Content-Disposition",
              "attachment; filename=\"consumption-" + first + "-" + last + ".csv\"")
          .build();
    }
    return Response.ok(
            rows.stream()
                .map(
                    r ->
                        new ConsumptionJson(
                            r.day().toString(),
                            r.billingItem(),
                            r.quantity(),
                            r.amount(),
                            r.currency().getCurrencyCode()))
                .toList(),
            MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private static LocalDate day(String text, LocalDate otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new RuleViolation("parameter.invalid", "Dates are YYYY-MM-DD, e.g. 2026-11-30.");
    }
  }
}
