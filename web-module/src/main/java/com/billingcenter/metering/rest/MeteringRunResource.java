package com.billingcenter.metering.rest;

import com.billingcenter.metering.boundary.Metering;
import com.billingcenter.metering.control.MeteringRuns;
import com.billingcenter.metering.entity.MeteringRun;
import com.billingcenter.platform.web.ApiErrors;
import com.billingcenter.platform.web.OperatorKey;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The metering runs, for operators ({@code X-Operator-Key}): the newest, and a run on demand. */
@Path("v1/metering/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class MeteringRunResource {

  @Inject OperatorKey operatorKey;
  @Inject MeteringRuns runs;
  @Inject Metering metering;

  /** One run as operators see it. */
  public record RunJson(
      long id,
      String instance,
      Instant startedAt,
      Instant finishedAt,
      String outcome,
      int hoursComputed,
      int recordsWritten,
      int recordsSent,
      int recordsFlagged,
      int recordsPending,
      int calls,
      String message) {

    static RunJson of(MeteringRun r) {
      return new RunJson(
          r.id(),
          r.holder(),
          r.startedAt(),
          r.finishedAt(),
          r.outcome().name().toLowerCase(java.util.Locale.ROOT),
          r.hoursComputed(),
          r.recordsWritten(),
          r.recordsSent(),
          r.recordsFlagged(),
          r.recordsPending(),
          r.calls(),
          r.message());
    }
  }

  @GET
  @Operation(
      summary = "The newest metering runs (operators)",
      description = "Needs X-Operator-Key. A running run shows its progress so far.")
  public Response newest(
      @HeaderParam(OperatorKey.HEADER) String key, @QueryParam("max") Integer max) {
    if (!operatorKey.matches(key)) {
      return OperatorKey.refused("a metering operations call");
    }
    int limit = max == null ? 20 : Math.max(1, Math.min(max, 200));
    return Response.ok(runs.newest(limit).stream().map(RunJson::of).toList()).build();
  }

  @POST
  @Operation(
      summary = "Run metering now (operators)",
      description =
          "Needs X-Operator-Key. Writes the due hours and sends what is pending, as the minutely"
              + " schedule does; 409 when a run is going on here or on another instance.")
  public Response runNow(@HeaderParam(OperatorKey.HEADER) String key) {
    if (operatorKey.acting(key).isEmpty()) {
      return OperatorKey.refused("a metering operations call");
    }
    MeteringRun run = metering.run();
    if (run == null) {
      return Response.status(409)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(ApiErrors.json("metering.busy", "A metering run is going on; try again later."))
          .build();
    }
    return Response.ok(RunJson.of(run)).build();
  }
}
