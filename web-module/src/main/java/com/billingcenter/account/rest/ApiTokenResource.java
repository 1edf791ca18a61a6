package com.billingcenter.account.rest;

import com.billingcenter.account.boundary.ApiTokens;
import com.billingcenter.account.entity.Role;
import com.billingcenter.platform.control.TokenTable;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/account/tokens}: the caller's API tokens, made and revoked with the account's
 * password (never with a token), listed with either.
 */
@Path("v1/account/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Billing Center accounts")
public class ApiTokenResource {

  @Inject Caller caller;
  @Inject ApiTokens tokens;

  /** A token as listed: never its value. */
  public record TokenJson(
      long id,
      String name,
      String scope,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      boolean revoked) {

    static TokenJson of(TokenTable.Token t) {
      return new TokenJson(
          t.id(),
          t.name(),
          t.scope().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          t.createdAt(),
          t.expiresAt(),
          t.lastUsedAt(),
          t.revoked());
    }
  }

  /** A new token: its name, scope ({@code read} or {@code read-write}) and days (90 if absent). */
  public record NewTokenJson(String name, String scope, Integer days) {}

  /** A token just made, with its value: shown this once. */
  public record MadeJson(String value, TokenJson token) {}

  @GET
  @Operation(summary = "The caller's API tokens", description = "Newest first, never their values.")
  @SecurityRequirement(name = "basic")
  @SecurityRequirement(name = "bearer")
  @APIResponse(responseCode = "200", description = "The tokens.")
  public List<TokenJson> list() {
    return tokens.of(caller.person()).stream().map(TokenJson::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Make an API token",
      description =
          "A token for scripts instead of the password: send it as 'Authorization: Bearer <value>'."
              + " A read token may only GET. Its value is in this answer only; it is kept as a"
              + " hash. Needs the account's password (HTTP Basic), not a token.")
  @SecurityRequirement(name = "basic")
  @APIResponse(responseCode = "201", description = "Made; the value is shown this once.")
  @APIResponse(responseCode = "400", description = "A name, scope or validity that breaks a rule.")
  @APIResponse(responseCode = "403", description = "Called with a token.")
  @Requires(Role.Permission.OWN_CREDENTIALS)
  public Response make(NewTokenJson body) {
    caller.requirePassword();
    Bodies.required(body, "the token's name and scope");
    TokenTable.Made made =
        tokens.make(
            caller.person(),
            body.name(),
            body.scope(),
            body.days() == null ? TokenTable.DEFAULT_DAYS : body.days());
    return Response.status(201)
        .entity(new MadeJson(made.value(), TokenJson.of(made.token())))
        .build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Revoke an API token", description = "At once; it opens nothing after.")
  @SecurityRequirement(name = "basic")
  @APIResponse(responseCode = "204", description = "Revoked.")
  @APIResponse(responseCode = "403", description = "Called with a token.")
  @APIResponse(responseCode = "404", description = "No such valid token of the caller's.")
  @Requires(Role.Permission.OWN_CREDENTIALS)
  public Response revoke(@PathParam("id") long id) {
    caller.requirePassword();
    if (!tokens.revoke(caller.person(), id)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }
}
