package com.billingcenter.audit.rest;

import com.billingcenter.audit.boundary.AuditLog;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.platform.rest.PageJson;
import com.billingcenter.platform.web.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who changed what in the caller's account, newest first. */
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The audit log of the caller's account")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class AuditResource {

  @Inject Caller caller;
  @Inject AuditLog auditLog;

  /** One entry; {@code before} and {@code after} are JSON texts, absent when there is none. */
  public record AuditEntryJson(
      long id,
      Instant at,
      String actor,
      String action,
      String subjectType,
      String subjectId,
      String before,
      String after) {

    static AuditEntryJson of(AuditEntry e) {
      return new AuditEntryJson(
          e.id(),
          e.occurredAt(),
          e.actorSeenByCustomer(),
          e.action(),
          e.subjectType(),
          e.subjectId(),
          e.before(),
          e.after());
    }
  }

  @GET
  @Operation(
      summary = "The audit log",
      description =
          "Every change of the caller's account, workspaces, settlement methods, locks and"
              + " unlocks: who (user name, 'system', or 'staff' for the product's staff, whose"
              + " reason is in 'after'), when, what, before and after.")
  public PageJson<AuditEntryJson> page(
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return PageJson.of(page, size, "entries", auditLog, caller.account().id(), AuditEntryJson::of);
  }
}
