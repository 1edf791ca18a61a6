package com.billingcenter.account.rest;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.Role;
import com.billingcenter.platform.rest.Bodies;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.ClientAddress;
import com.billingcenter.platform.web.RegistrationLimit;
import com.billingcenter.platform.web.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/account} (the caller) and {@code /api/v1/accounts} (registration). */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Billing Center accounts")
public class AccountResource {

  @Inject Caller caller;
  @Inject Accounts accounts;
  @Inject RegistrationLimit registrationLimit;

  @GET
  @Path("account")
  @Operation(
      summary = "The calling account",
      description = "The Billing Center account whose credentials authenticate this call.")
  @SecurityRequirement(name = "basic")
  @SecurityRequirement(name = "bearer")
  @APIResponse(responseCode = "200", description = "The account.")
  @APIResponse(responseCode = "401", description = "No or wrong credentials.")
  public AccountJson me() {
    return AccountJson.of(caller.account(), caller.person());
  }

  @POST
  @Path("account/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change the password",
      description = "Needs the current password; the new one follows the registration rules.")
  @SecurityRequirement(name = "basic")
  @APIResponse(responseCode = "204", description = "Changed; use the new password from now on.")
  @APIResponse(responseCode = "403", description = "Called with an API token.")
  @APIResponse(responseCode = "400", description = "Wrong current password or weak new one.")
  @APIResponse(
      responseCode = "429",
      description =
          "Too many wrong passwords for the user name or from the address, as at sign-in.")
  @Requires(Role.Permission.OWN_CREDENTIALS)
  public Response changePassword(
      PasswordChangeJson body, @Context jakarta.servlet.http.HttpServletRequest servletRequest) {
    caller.requirePassword();
    Bodies.required(body, "both passwords");
    accounts.changePassword(
        caller.username(),
        body.currentPassword(),
        body.newPassword(),
        ClientAddress.counted(servletRequest));
    return Response.noContent().build();
  }

  @POST
  @Path("accounts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Register an account",
      description =
          "Opens a Billing Center account. Needs no credentials. The user name can never be"
              + " changed afterwards.")
  @APIResponse(responseCode = "201", description = "Registered; Location is /api/v1/account.")
  @APIResponse(responseCode = "400", description = "A field breaks a rule; nothing stored.")
  @APIResponse(responseCode = "409", description = "User name or login account taken.")
  @APIResponse(
      responseCode = "429",
      description = "Too many registrations from this address; Retry-After says when to retry.")
  @Requires(Role.Permission.READ)
  public Response register(
      RegistrationJson registration,
      @Context UriInfo uri,
      @Context jakarta.servlet.http.HttpServletRequest request) {
    Bodies.required(registration, "the account");
    var refused = registrationLimit.refusedFor(request);
    if (refused.isPresent()) {
      return Response.status(429)
          .header("Retry-After", refused.get())
          .type(MediaType.APPLICATION_JSON)
          .entity(
              com.billingcenter.platform.web.ApiErrors.json(
                  "registration.throttled",
                  "Too many registrations from this address; try again in "
                      + RegistrationLimit.minutes(refused.get())
                      + " minutes."))
          .build();
    }
    var account =
        accounts.register(
            registration.username(), registration.loginAccount(), registration.password());
    return Response.created(uri.getBaseUriBuilder().path("v1/account").build())
        .entity(AccountJson.of(account, com.billingcenter.account.entity.Person.ownLogin(account)))
        .build();
  }
}
