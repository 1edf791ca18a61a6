package com.billingcenter.sandbox.aws;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/buyers} subscribes a buyer to the product and hands out a registration token, as
 * AWS does when a buyer clicks "Set up your account"; {@code POST /api/buyers/{id}/tokens} hands
 * out another.
 */
@Path("buyers")
@Produces(MediaType.APPLICATION_JSON)
public class BuyersResource {

  // Json.* looks the provider up on every call; one is enough.
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

  @Inject SandboxMarketplace marketplace;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response subscribe(JsonObject body) {
    if (body == null || !body.containsKey("awsAccountId")) {
      return badRequest("awsAccountId is required.");
    }
    try {
      SandboxMarketplace.Buyer buyer =
          marketplace.subscribe(
              body.getString("awsAccountId", null),
              body.getBoolean("legacy", false),
              body.getString("productCode", null));
      return Response.status(201)
          .entity(describe(buyer, marketplace.newRegistrationToken(buyer.awsAccountId())))
          .build();
    } catch (IllegalArgumentException | ClassCastException e) {
      return badRequest(e.getMessage());
    }
  }

  @POST
  @Path("{awsAccountId}/tokens")
  public Response token(
      @PathParam("awsAccountId") String awsAccountId, @QueryParam("lifetime") String lifetime) {
    java.time.Duration tokenLifetime;
    try {
      tokenLifetime = lifetime == null ? null : java.time.Duration.parse(lifetime);
    } catch (java.time.format.DateTimeParseException e) {
      return badRequest("lifetime is an ISO-8601 duration such as PT1H.");
    }
    return marketplace
        .buyer(awsAccountId)
        .map(
            buyer ->
                Response.status(201)
                    .entity(
                        describe(
                            buyer,
                            tokenLifetime == null
                                ? marketplace.newRegistrationToken(awsAccountId)
                                : marketplace.newRegistrationToken(awsAccountId, tokenLifetime)))
                    .build())
        .orElseGet(
            () ->
                Response.status(404)
                    .entity(error("notFound", "No buyer with this AWS account id."))
                    .build());
  }

  private JsonObject describe(SandboxMarketplace.Buyer buyer, String token) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("awsAccountId", buyer.awsAccountId())
            .add("customerIdentifier", buyer.customerIdentifier())
            .add("productCode", buyer.productCode())
            .add("legacy", buyer.legacy())
            .add("registrationToken", token);
    if (buyer.licenseArn() != null) {
      json.add("licenseArn", buyer.licenseArn());
    } else {
      json.addNull("licenseArn");
    }
    return json.build();
  }

  private static Response badRequest(String message) {
    return Response.status(400).entity(error("badRequest", message)).build();
  }

  private static JsonObject error(String code, String message) {
    return JSON.createObjectBuilder().add("error", code).add("message", message).build();
  }
}
