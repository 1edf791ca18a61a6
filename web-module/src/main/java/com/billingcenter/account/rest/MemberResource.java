package com.billingcenter.account.rest;

import com.billingcenter.account.boundary.Members;
import com.billingcenter.account.entity.Member;
import com.billingcenter.account.entity.Role;
import com.billingcenter.platform.rest.Bodies;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.Requires;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/members}: the account's team. Everybody on it reads the list; owners and admins
 * invite, change roles and remove (admins not owners, nobody themselves).
 */
@Path("v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Billing Center accounts")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class MemberResource {

  @Inject Caller caller;
  @Inject Members members;
  @Inject Clock clock;

  /** A member as listed. */
  public record MemberJson(
      long id,
      String loginAccount,
      String username,
      String role,
      String status,
      String invitedBy,
      Instant invitedAt,
      Instant joinedAt) {

    static MemberJson of(Member m, Instant now) {
      return new MemberJson(
          m.id(),
          m.loginAccount(),
          m.username(),
          m.role().code(),
          m.state(now),
          m.invitedBy(),
          m.invitation().createdAt(),
          m.joined() ? m.invitation().usedAt() : null);
    }
  }

  /** An invitation: the address and the role ({@code owner}, {@code admin}, ...). */
  public record InvitationJson(String loginAccount, String role) {}

  /** A new role. */
  public record RoleJson(String role) {}

  @GET
  @Operation(
      summary = "The account's members",
      description = "Invited and joined, oldest first; the account's own login is not listed.")
  @APIResponse(responseCode = "200", description = "The members.")
  public List<MemberJson> list() {
    Instant now = clock.instant();
    return members.of(caller.account()).stream().map(m -> MemberJson.of(m, now)).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Invite a member",
      description =
          "Mails a single-use link that works for 7 days; the invitee chooses a user name and"
              + " password. Owners and admins; only owners invite owners.")
  @APIResponse(responseCode = "201", description = "Invited; the mail is on its way.")
  @APIResponse(responseCode = "400", description = "An address or role that breaks a rule.")
  @APIResponse(responseCode = "403", description = "The caller's role may not invite (this role).")
  @APIResponse(responseCode = "409", description = "The address is somebody's login already.")
  @Requires(Role.Permission.MEMBERS)
  public Response invite(InvitationJson body, @Context HttpServletRequest request) {
    Bodies.required(body, "the address and the role");
    Member member =
        members.invite(caller.person(), body.loginAccount(), body.role(), request.getLocale());
    return Response.status(201).entity(MemberJson.of(member, clock.instant())).build();
  }

  @POST
  @Path("{id}/role")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a member's role", description = "Takes effect on their next call.")
  @APIResponse(responseCode = "200", description = "Changed.")
  @APIResponse(responseCode = "403", description = "The caller's role may not change this one.")
  @APIResponse(responseCode = "404", description = "No such member of the account.")
  @Requires(Role.Permission.MEMBERS)
  public MemberJson changeRole(@PathParam("id") long id, RoleJson body) {
    Bodies.required(body, "the role");
    return MemberJson.of(members.changeRole(caller.person(), id, body.role()), clock.instant());
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Remove a member",
      description = "Or withdraw an invitation. Their sessions and API tokens end at once.")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "403", description = "The caller's role may not remove this one.")
  @APIResponse(responseCode = "404", description = "No such member of the account.")
  @Requires(Role.Permission.MEMBERS)
  public Response remove(@PathParam("id") long id) {
    members.remove(caller.person(), id);
    return Response.noContent().build();
  }
}
