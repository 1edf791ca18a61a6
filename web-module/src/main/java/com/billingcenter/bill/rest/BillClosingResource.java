package com.billingcenter.bill.rest;

import com.billingcenter.bill.control.BillClosing;
import com.billingcenter.platform.web.ApiErrors;
import com.billingcenter.platform.web.OperatorKey;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Closing the due month's bills now, as the hourly schedule does (operators). */
@Path("v1/bills/closing-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class BillClosingResource {

  @Inject OperatorKey operatorKey;
  @Inject BillClosing closing;
  @Inject Clock clock;

  /** What the run did: {@code made} bills final, {@code notMade} passed (see the server log). */
  public record RunJson(String month, int made, int notMade, long milliseconds) {}

  @POST
  @Operation(
      summary = "Close the due month's bills now (operators)",
      description =
          "Needs X-Operator-Key. Makes the latest due month's bills final for every customer whose"
              + " bill is not yet, as the hourly schedule does, and answers when done; a bill with"
              + " a line without a price is passed (the server log says why). 409 when a closing"
              + " run is going on here or on another instance.")
  public Response runNow(@HeaderParam(OperatorKey.HEADER) String key) {
    if (operatorKey.acting(key).isEmpty()) {
      return OperatorKey.refused("a bill closing call");
    }
    Instant started = clock.instant();
    BillClosing.Run run = closing.closeDue();
    if (run.leaseHeldElsewhere()) {
      return Response.status(409)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(ApiErrors.json("bills.closing", "Bills are being closed; try again later."))
          .build();
    }
    return Response.ok(
            new RunJson(
                run.month().toString(),
                run.made(),
                run.notMade(),
                Duration.between(started, clock.instant()).toMillis()))
        .build();
  }
}
