package com.billingcenter.bill.rest;

import com.billingcenter.account.entity.Role;
import com.billingcenter.bill.boundary.Budgets;
import com.billingcenter.platform.rest.Bodies;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/budgets}: the caller's budgets and how much of each is spent. */
@Path("v1/budgets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bills", description = "Costs, bills and budgets")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class BudgetResource {

  @Inject Caller caller;
  @Inject Budgets budgets;

  /**
   * A budget: over the account (neither workspace nor item), a workspace or a billing item; per
   * {@code day} or {@code month}; with the cost so far in its current period.
   */
  public record BudgetJson(
      long id,
      Long workspaceId,
      String billingItem,
      String period,
      BigDecimal amount,
      String currency,
      List<String> recipients,
      BigDecimal spent,
      int percent) {

    static BudgetJson of(Budgets.Standing s) {
      Budgets.Budget b = s.budget();
      return new BudgetJson(
          b.id(),
          b.workspaceId(),
          b.billingItem(),
          b.period(),
          b.amount(),
          b.currency().getCurrencyCode(),
          b.recipients().stream().sorted().map(Role::code).toList(),
          s.spent(),
          s.percent());
    }
  }

  /**
   * A new budget; {@code recipients}: the roles mailed its alerts (owner and finance if absent).
   */
  public record NewBudgetJson(
      Long workspaceId,
      String billingItem,
      String period,
      BigDecimal amount,
      String currency,
      List<String> recipients) {}

  @GET
  @Operation(
      summary = "The budgets",
      description =
          "Each with the cost so far in its current period (UTC day or month, at list prices in"
              + " its currency) and the share of it in percent.")
  @APIResponse(responseCode = "200", description = "The budgets.")
  public List<BudgetJson> list() {
    return budgets.standings(caller.account()).stream().map(BudgetJson::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set a budget",
      description =
          "A daily or monthly amount for the account, a workspace or a billing item. At 80 % and"
              + " past 100 % of it the account gets a notice, and the members of the roles in recipients"
              + " (owner and finance unless given) a mail, once per period each.")
  @APIResponse(responseCode = "201", description = "Set, and checked at once.")
  @APIResponse(responseCode = "400", description = "A field breaks a rule; nothing stored.")
  @APIResponse(responseCode = "404", description = "No such workspace of the caller's.")
  @Requires(Role.Permission.BUDGETS)
  public Response create(NewBudgetJson body) {
    Bodies.required(body, "the budget");
    Budgets.Budget made =
        budgets.create(
            caller.account(),
            body.workspaceId(),
            body.billingItem(),
            body.period(),
            body.amount(),
            body.currency(),
            body.recipients());
    return Response.status(201)
        .entity(
            budgets.standings(caller.account()).stream()
                .filter(s -> s.budget().id() == made.id())
                .map(BudgetJson::of)
                .findFirst()
                .orElseThrow())
        .build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove a budget")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "404", description = "No such budget of the caller's.")
  @Requires(Role.Permission.BUDGETS)
  public Response delete(@PathParam("id") long id) {
    if (!budgets.delete(caller.account(), id)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }
}
