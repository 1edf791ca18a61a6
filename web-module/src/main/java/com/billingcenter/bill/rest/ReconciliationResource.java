package com.billingcenter.bill.rest;

import com.billingcenter.bill.boundary.Reconciliations;
import com.billingcenter.bill.control.BillCalendar;
import com.billingcenter.bill.control.Reconciliation;
import com.billingcenter.platform.web.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A cloud account's reconciliation statement of a month, as JSON or CSV. */
@Path("v1/cloud-accounts/{id}/reconciliation")
@Tag(name = "Cloud accounts", description = "AWS accounts (licenses) that pay for workspaces")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class ReconciliationResource {

  @Inject Caller caller;
  @Inject Reconciliations reconciliations;
  @Inject BillCalendar calendar;
  @Inject Clock clock;

  /** Units of a record used by a workspace on a site; no workspace: the untagged rest. */
  public record AllocationJson(Long workspaceId, String siteCode, long quantity) {}

  /** One metering record: what AWS said of it, whose usage it was, what priced it. */
  public record LineJson(
      Instant hour,
      String dimension,
      String meteringRecordId,
      String state,
      String awsStatus,
      long includedQuantity,
      long meteredQuantity,
      long freeQuantity,
      long quantity,
      List<AllocationJson> allocations,
      String agreementId,
      BigDecimal unitPrice,
      String currency,
      BigDecimal amount) {}

  /** A dimension's month in one currency. */
  public record TotalJson(
      String dimension,
      String currency,
      long includedQuantity,
      long meteredQuantity,
      BigDecimal amount) {}

  /** The statement: {@code in-progress} until {@code closesAt}, then {@code final}. */
  public record StatementJson(
      long cloudAccountId,
      String month,
      String status,
      Instant closesAt,
      Instant finalizedAt,
      List<LineJson> lines,
      List<TotalJson> totals) {}

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary = "The reconciliation statement of a cloud account",
      description =
          "month=YYYY-MM (UTC; default: this month), from the cloud account's first month to this"
              + " one. Every metering record of the month, oldest hour first: AWS's"
              + " MeteringRecordId and status, the units the agreement's contract included and"
              + " those metered (freeQuantity: of those, free within a trial's grants), their"
              + " allocation to workspaces and sites (the rest untagged), the"
              + " agreement whose rate priced it (none: the public offer's list price in USD), and"
              + " the amount AWS charges (zero for records AWS did not take); totals per dimension"
              + " and currency. In progress until the month's bills are final"
              + " (billing.bills.close-day of the next month), then issued once: its CSV (Accept:"
              + " text/csv) is the same bytes at every download.")
  public Response statement(
      @Context HttpHeaders headers, @PathParam("id") long id, @QueryParam("month") String month) {
    var owner = caller.account();
    YearMonth asked = Asked.month(month, clock);
    if (Asked.csv(headers)) {
      return Response.ok(reconciliations.csv(owner, id, asked), "text/csv; charset=UTF-8")
          .header(
              "Content-Disposition",
              "attachment; filename=\"reconciliation-" + id + "-" + asked + ".csv\"")
          .build();
    }
    Reconciliation statement = reconciliations.statement(owner, id, asked);
    return Response.ok(json(statement), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private StatementJson json(Reconciliation s) {
    return new StatementJson(
        s.cloudAccountId(),
        s.month().toString(),
        s.isFinal() ? "final" : "in-progress",
        calendar.closesAt(s.month()),
        s.finalizedAt(),
        s.lines().stream()
            .map(
                l ->
                    new LineJson(
                        l.hour(),
                        l.dimension(),
                        l.meteringRecordId(),
                        l.state().toLowerCase(Locale.ROOT),
                        l.awsStatus(),
                        l.included(),
                        l.metered(),
                        l.free(),
                        l.quantity(),
                        l.allocations().stream()
                            .map(
                                a ->
                                    new AllocationJson(a.workspaceId(), a.siteCode(), a.quantity()))
                            .toList(),
                        l.agreementId(),
                        l.unitPrice(),
                        l.currency() == null ? null : l.currency().getCurrencyCode(),
                        l.amount()))
            .toList(),
        s.totals().stream()
            .map(
                t ->
                    new TotalJson(
                        t.dimension(),
                        t.currency() == null ? null : t.currency().getCurrencyCode(),
                        t.included(),
                        t.metered(),
                        t.amount()))
            .toList());
  }
}
