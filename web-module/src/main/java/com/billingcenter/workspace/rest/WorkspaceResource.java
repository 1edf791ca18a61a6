package com.billingcenter.workspace.rest;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Role;
import com.billingcenter.bill.boundary.Bills;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.rest.Bodies;
import com.billingcenter.platform.rest.Times;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.Requires;
import com.billingcenter.workspace.boundary.WorkspaceQuery;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's workspaces. Another account's workspace id is answered exactly like a missing one.
 */
@Path("v1/workspaces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workspaces", description = "Workspaces and their settlement methods")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class WorkspaceResource {

  @Inject Caller caller;
  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject Bills bills;
  @Inject java.time.Clock clock;

  @GET
  @Operation(
      summary = "List workspaces",
      description =
          "One page of the caller's workspaces, sorted and filtered by the database. Sort by id,"
              + " name, siteCode, language, plan, settlementMethod, status or createdAt.")
  @APIResponse(responseCode = "200", description = "The page; total counts every match.")
  @APIResponse(responseCode = "400", description = "Bad page, size, sort or filter.")
  public WorkspaceListJson list(
      @Parameter(description = "Page number, from 1") @QueryParam("page") @DefaultValue("1")
          int page,
      @Parameter(description = "Workspaces per page, 1 to 200")
          @QueryParam("size")
          @DefaultValue("50")
          int size,
      @QueryParam("sort") @DefaultValue("id") String sort,
      @Parameter(description = "asc or desc") @QueryParam("order") @DefaultValue("asc")
          String order,
      @Parameter(description = "Part of the name, any case") @QueryParam("name") String name,
      @QueryParam("siteCode") String siteCode,
      @Parameter(description = "active, locked or fully-locked") @QueryParam("status")
          String status,
      @Parameter(description = "free or commercial") @QueryParam("plan") String plan,
      @QueryParam("settlementMethod") String settlementMethod) {
    if (page < 1) {
      throw new RuleViolation("page.invalid", "Pages are numbered from 1.");
    }
    if (!"asc".equals(order) && !"desc".equals(order)) {
      throw new RuleViolation("order.invalid", "The order is 'asc' or 'desc'.");
    }
    if (size < 1 || size > WorkspaceQuery.MAX_PAGE_SIZE) {
      throw new RuleViolation(
          "page.size.invalid", "A page has 1 to " + WorkspaceQuery.MAX_PAGE_SIZE + " workspaces.");
    }
    var query =
        new WorkspaceQuery(
            Math.multiplyExact(page - 1, size),
            size,
            sort,
            "asc".equals(order),
            name,
            siteCode,
            status,
            plan,
            settlementMethod);
    BillingAccount owner = caller.account();
    List<WorkspaceJson> items =
        workspaces.list(owner, query).stream().map(WorkspaceJson::of).toList();
    return new WorkspaceListJson(page, size, workspaces.count(owner, query), items);
  }

  /** One hour of one billing item of a workspace, and the method that paid for it. */
  public record HourlyUsageJson(
      java.time.Instant hour,
      String billingItem,
      long quantity,
      String settlementMethod,
      Long cloudAccountId) {}

  @GET
  @Path("{id}/usage")
  @Operation(
      summary = "A workspace's hourly usage",
      description =
          "Per hour and billing item in [from, to) (ISO-8601 UTC; default the last 24 hours, at"
              + " most 31 days), with the settlement method that paid for the hour; oldest first.")
  @APIResponse(responseCode = "404", description = "No such workspace of the caller.")
  public List<HourlyUsageJson> usage(
      @PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
    java.time.Instant end = to == null ? clock.instant() : Times.parse(to, "to");
    java.time.Instant start =
        from == null ? end.minus(java.time.Duration.ofHours(24)) : Times.parse(from, "from");
    return bills.usage(caller.account(), id, start, end).stream()
        .map(
            u ->
                new HourlyUsageJson(
                    u.hour(),
                    u.billingItem(),
                    u.quantity(),
                    u.settlementMethod(),
                    u.cloudAccountId()))
        .toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One workspace")
  @APIResponse(responseCode = "200", description = "The workspace.")
  @APIResponse(responseCode = "404", description = "No such workspace of the caller.")
  public WorkspaceJson get(@PathParam("id") long id) {
    return WorkspaceJson.of(workspaces.require(caller.account(), id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a workspace",
      description =
          "Creates a workspace on a site with a language (en or zh) that can never be changed,"
              + " on the Commercial Plan unless plan is 'free'. It settles by the site's default"
              + " method.")
  @APIResponse(responseCode = "201", description = "Created; Location names it.")
  @APIResponse(responseCode = "400", description = "Bad name, site, language or plan.")
  @Requires(Role.Permission.WORKSPACES)
  public Response create(NewWorkspaceJson body, @Context UriInfo uri) {
    Bodies.required(body, "the workspace");
    Plan plan =
        switch (body.plan() == null ? "commercial" : body.plan()) {
          case "commercial" -> Plan.COMMERCIAL;
          case "free" -> Plan.FREE;
          default -> throw new RuleViolation("plan.invalid", "The plan is 'commercial' or 'free'.");
        };
    var created =
        workspaces.create(caller.account(), body.name(), body.siteCode(), body.language(), plan);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(WorkspaceJson.of(created))
        .build();
  }

  @POST
  @Path("{id}/commercial-plan")
  @Operation(summary = "Open the Commercial Plan for a Free workspace")
  @APIResponse(responseCode = "200", description = "The workspace, now Commercial.")
  @APIResponse(responseCode = "404", description = "No such workspace of the caller.")
  @APIResponse(responseCode = "409", description = "Already on the Commercial Plan.")
  @Requires(Role.Permission.WORKSPACES)
  public WorkspaceJson openCommercialPlan(@PathParam("id") long id) {
    return WorkspaceJson.of(workspaces.openCommercialPlan(caller.account(), id));
  }

  @GET
  @Path("{id}/settlement-options")
  @Operation(
      summary = "Settlement methods this workspace may use",
      description = "The methods its site allows, with the caller's registered cloud accounts.")
  @APIResponse(responseCode = "200", description = "The options.")
  @APIResponse(responseCode = "404", description = "No such workspace of the caller.")
  public List<SettlementOptionJson> settlementOptions(@PathParam("id") long id) {
    BillingAccount owner = caller.account();
    return workspaces.settlementOptions(owner, workspaces.require(owner, id)).stream()
        .map(SettlementOptionJson::of)
        .toList();
  }

  @POST
  @Path("{id}/settlement")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change the settlement method",
      description =
          "At most once per calendar month (UTC); a locked workspace may always change, and is"
              + " unlocked by it.")
  @APIResponse(responseCode = "200", description = "The workspace with its new method.")
  @APIResponse(responseCode = "400", description = "Unknown method, or one the site forbids.")
  @APIResponse(responseCode = "404", description = "No such workspace of the caller.")
  @APIResponse(responseCode = "409", description = "Already changed this month, or unchanged.")
  @Requires(Role.Permission.WORKSPACES)
  public WorkspaceJson changeSettlement(@PathParam("id") long id, SettlementChangeJson body) {
    Bodies.required(body, "the method");
    return WorkspaceJson.of(
        workspaces.changeSettlement(caller.account(), id, body.method(), body.cloudAccountId()));
  }

  @POST
  @Path("{id}/dissolve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Dissolve a locked workspace",
      description =
          "For good, as the lock page's Dissolve: {\"name\": the workspace's name, to confirm}."
              + " It then takes no usage and is in no list; the usage of its countdown is written"
              + " off; its earlier usage stays on the bills.")
  @APIResponse(responseCode = "200", description = "The workspace, dissolved.")
  @APIResponse(responseCode = "400", description = "Not the workspace's name.")
  @APIResponse(responseCode = "404", description = "No such workspace of the caller.")
  @APIResponse(responseCode = "409", description = "The workspace is not locked.")
  @Requires(Role.Permission.WORKSPACES)
  public WorkspaceJson dissolve(@PathParam("id") long id, DissolveJson body) {
    Bodies.required(body, "the workspace's name");
    return WorkspaceJson.of(workspaces.dissolve(caller.account(), id, body.name()));
  }
}
