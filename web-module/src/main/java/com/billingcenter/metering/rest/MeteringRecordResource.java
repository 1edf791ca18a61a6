package com.billingcenter.metering.rest;

import com.billingcenter.metering.boundary.MeteringRequeue;
import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.rest.Times;
import com.billingcenter.platform.web.OperatorKey;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Metering records, for operators ({@code X-Operator-Key}): requeueing the flagged ones. */
@Path("v1/metering/records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class MeteringRecordResource {

  private static final Logger LOG = Logger.getLogger(MeteringRecordResource.class.getName());

  /** The longest reason kept. */
  static final int MAX_REASON = 200;

  @Inject OperatorKey operatorKey;
  @Inject MeteringRequeue requeue;

  /** The body of a requeue: which records, and why. */
  public record RequeueJson(
      List<String> states, Long cloudAccountId, String from, String to, String reason) {}

  /** What a requeue did. */
  public record RequeuedJson(int requeued, int cloudAccounts) {}

  @POST
  @Path("requeue")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send refused or too-late metering records again (operators)",
      description =
          "Needs X-Operator-Key. Body: {\"states\": [\"refused\", \"too_late\"], \"from\","
              + " \"to\" (ISO-8601 UTC hours, at most 31 days), \"cloudAccountId\" (optional:"
              + " all accounts), \"reason\" (optional, kept in the audit log)}. The records go"
              + " back to pending and the next metering run sends them; each account's owner"
              + " sees the requeue in their audit log.")
  public Response requeue(@HeaderParam(OperatorKey.HEADER) String key, RequeueJson body) {
    var caller = operatorKey.acting(key);
    if (caller.isEmpty()) {
      return OperatorKey.refused("a metering requeue");
    }
    if (body == null || body.states() == null || body.from() == null || body.to() == null) {
      throw new RuleViolation(
          "metering.requeue", "The body needs states, from and to (see the API description).");
    }
    String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
    if (reason != null && reason.length() > MAX_REASON) {
      throw new RuleViolation(
          "metering.requeue", "The reason is at most " + MAX_REASON + " characters.");
    }
    MeteringRequeue.Requeued done =
        requeue.requeue(
            states(body.states()),
            body.cloudAccountId(),
            Times.parse(body.from(), "from"),
            Times.parse(body.to(), "to"),
            reason,
            caller.get().actor());
    LOG.info(
        () ->
            "An operator requeued "
                + done.records()
                + " metering record(s) of "
                + done.cloudAccounts()
                + " cloud account(s)");
    return Response.ok(new RequeuedJson(done.records(), done.cloudAccounts())).build();
  }

  private static Set<MeteringState> states(List<String> names) {
    Set<MeteringState> states = EnumSet.noneOf(MeteringState.class);
    for (String name : names) {
      try {
        states.add(MeteringState.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new RuleViolation(
            "metering.requeueStates", "Only refused and too_late records can be requeued.");
      }
    }
    return states;
  }
}
