package com.billingcenter.operations.rest;

import com.billingcenter.operations.boundary.Operators;
import com.billingcenter.platform.control.PublicAddress;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.OperatorKey;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Making an operator: with the deployment's operator key ({@code billing.operator.key}), which is
 * how the first operator is made (docs/operations.md). The answer is the one-time set-up link,
 * valid a day, where the new operator chooses a password and adds the second factor.
 */
@Path("v1/operators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class OperatorResource {

  @Inject OperatorKey operatorKey;
  @Inject Operators operators;
  @Inject PublicAddress publicAddress;

  /** A new operator's set-up link. */
  public record InvitationJson(String username, String role, String setupUrl, Instant expiresAt) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Make an operator (the deployment's operator key)",
      description =
          "Needs X-Operator-Key. Body {\"username\", \"role\": \"operator\" or \"auditor\"}."
              + " Answers the one-time set-up link (valid a day) to give the new operator.")
  public Response invite(@HeaderParam(OperatorKey.HEADER) String key, JsonObject body) {
    var caller = operatorKey.acting(key);
    if (caller.isEmpty()) {
      return OperatorKey.refused("an operator invitation");
    }
    Operators.Role role;
    try {
      role =
          Operators.Role.valueOf(
              body == null ? "" : body.getString("role", "").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("operator.role", "role is operator or auditor.");
    }
    Operators.Invitation invitation =
        operators.invite(body.getString("username", ""), role, caller.get().actor());
    return Response.status(201)
        .entity(
            new InvitationJson(
                invitation.username(),
                invitation.role().name().toLowerCase(Locale.ROOT),
                publicAddress.link("/ops/setup.xhtml?token=" + invitation.token()),
                invitation.expiresAt()))
        .build();
  }
}
