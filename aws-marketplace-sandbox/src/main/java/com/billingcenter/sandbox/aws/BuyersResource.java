package com.billingcenter.sandbox.aws;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/buyers} subscribes a buyer to the product and hands out a registration token, as
 * AWS does when a buyer clicks "Set up your account"; {@code POST /api/buyers/{id}/tokens} hands
 * out another; {@code PUT /api/buyers/{id}/entitlements} sets the entitlements of a buyer's
 * contract, which {@code GetEntitlements} then reports.
 */
@Path("buyers")
@Produces(MediaType.APPLICATION_JSON)
public class BuyersResource {

  // Json.* looks the provider up on every call; one is enough.
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

  @Inject SandboxMarketplace marketplace;
  @Inject SellerEvents events;
  @Inject SnsPublisher sns;
  @Inject SandboxAgreements agreements;
  @Inject SandboxRenewals renewals;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response subscribe(JsonValue json) {
    if (!(json instanceof JsonObject body) || !body.containsKey("awsAccountId")) {
      return badRequest("awsAccountId is required.");
    }
    try {
      String awsAccountId = body.getString("awsAccountId", null);
      boolean known = awsAccountId != null && marketplace.buyer(awsAccountId).isPresent();
      // Read first: a malformed offer makes no buyer.
      SandboxAgreements.Offer offer =
          body.get("offer") instanceof JsonObject asked
              ? SandboxAgreements.read(asked)
              : SandboxAgreements.Offer.publicOffer();
      java.time.Instant acceptedAt =
          body.containsKey("acceptedAt")
              ? java.time.Instant.parse(body.getString("acceptedAt"))
              : java.time.Instant.now();
      SandboxMarketplace.Buyer buyer =
          marketplace.subscribe(
              awsAccountId,
              body.getBoolean("legacy", false),
              body.getString("productCode", null),
              body.getBoolean("channelPartner", false),
              "aws-cn".equals(body.getString("partition", "aws")),
              body.getBoolean("olderListing", false));
      if (!known) {
        agreements.accepted(buyer.agreementId(), buyer.awsAccountId(), offer, acceptedAt);
      }
      List<SellerEvents.Delivery> sent =
          known || !body.getBoolean("sendEvents", true)
              ? List.of()
              : events.subscribed(buyer, java.time.Instant.now());
      JsonObjectBuilder answer =
          JSON.createObjectBuilder(
              describe(buyer, marketplace.newRegistrationToken(buyer.awsAccountId())));
      answer.add("deliveries", deliveriesJson(sent));
      return Response.status(201).entity(answer.build()).build();
    } catch (IllegalArgumentException
        | ClassCastException
        | ArithmeticException
        | java.time.format.DateTimeParseException e) {
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
        .orElseGet(BuyersResource::notFound);
  }

  /**
   * The buyer unsubscribes, as "Yes, Unsubscribe" in Your Marketplace Software does: their usage is
   * refused from now on and the seller is sent the EventBridge events of it (SNS notifications for
   * a legacy product's buyer); the answer lists what the seller answered to each.
   */
  @POST
  @Path("{awsAccountId}/unsubscribe")
  public Response unsubscribe(@PathParam("awsAccountId") String awsAccountId) {
    var buyer = marketplace.buyer(awsAccountId);
    if (buyer.isEmpty()) {
      return notFound();
    }
    marketplace.unsubscribe(awsAccountId);
    return deliveries(events.unsubscribed(buyer.get(), java.time.Instant.now()));
  }

  /**
   * The buyer's agreement is renewed, or with {@code replace=true} replaced by an agreement-based
   * offer; {@code newLicense=true} gives a new license ARN; {@code order} lists the events as the
   * seller receives them (a comma-separated permutation of ended, created, updated, deprovisioned;
   * the rest follow), since AWS documents no order; {@code sendEvents=false} sends none (a test
   * that delivers them itself). The answer is the buyer as it is now, its former license and
   * agreement, and what the seller answered to each event.
   */
  @POST
  @Path("{awsAccountId}/renewal")
  public Response renew(
      @PathParam("awsAccountId") String awsAccountId,
      @QueryParam("newLicense") boolean newLicense,
      @QueryParam("replace") boolean replace,
      @QueryParam("order") String order,
      @QueryParam("sendEvents") @jakarta.ws.rs.DefaultValue("true") boolean sendEvents) {
    if (marketplace.buyer(awsAccountId).isEmpty()) {
      return notFound();
    }
    try {
      SandboxRenewals.Renewal renewal =
          renewals.renew(awsAccountId, newLicense, replace, order, sendEvents);
      JsonObjectBuilder answer =
          JSON.createObjectBuilder(
              describe(renewal.after(), marketplace.newRegistrationToken(awsAccountId)));
      answer.add("formerLicenseArn", renewal.before().licenseArn());
      answer.add("formerAgreementId", renewal.before().agreementId());
      answer.add("deliveries", deliveriesJson(renewal.sent()));
      return Response.ok(answer.build()).build();
    } catch (IllegalArgumentException e) {
      return badRequest(e.getMessage());
    }
  }

  /**
   * The buyer accepts an amendment of their agreement: {@code {"offer": {...}}} are its terms from
   * now on (more units, auto-renewal toggled, …), and "Purchase Agreement Amended" is sent unless
   * {@code "sendEvents": false}. A malformed offer changes nothing.
   */
  @POST
  @Path("{awsAccountId}/amendment")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response amend(@PathParam("awsAccountId") String awsAccountId, JsonValue json) {
    var buyer = marketplace.buyer(awsAccountId);
    if (buyer.isEmpty()) {
      return notFound();
    }
    if (!(json instanceof JsonObject body) || !(body.get("offer") instanceof JsonObject asked)) {
      return badRequest("offer is required: the amended agreement's terms.");
    }
    try {
      agreements.amended(buyer.get().agreementId(), SandboxAgreements.read(asked));
    } catch (IllegalArgumentException
        | ClassCastException
        | ArithmeticException
        | java.time.format.DateTimeParseException e) {
      return badRequest(e.getMessage());
    }
    List<SellerEvents.Delivery> sent =
        body.getBoolean("sendEvents", true)
            ? events.amended(buyer.get(), java.time.Instant.now())
            : List.of();
    return Response.ok(
            JSON.createObjectBuilder()
                .add("agreementId", buyer.get().agreementId())
                .add("deliveries", deliveriesJson(sent))
                .build())
        .build();
  }

  /**
   * The buyer's subscription failed (e.g. their payment method was refused): the seller is sent the
   * SNS notification {@code subscribe-fail}.
   */
  @POST
  @Path("{awsAccountId}/subscribe-fail")
  public Response subscribeFailed(@PathParam("awsAccountId") String awsAccountId) {
    var buyer = marketplace.buyer(awsAccountId);
    if (buyer.isEmpty()) {
      return notFound();
    }
    return deliveries(List.of(sns.notify(buyer.get(), "subscribe-fail", java.time.Instant.now())));
  }

  private static Response deliveries(List<SellerEvents.Delivery> sent) {
    return Response.ok(JSON.createObjectBuilder().add("deliveries", deliveriesJson(sent)).build())
        .build();
  }

  private static JsonArrayBuilder deliveriesJson(List<SellerEvents.Delivery> sent) {
    JsonArrayBuilder deliveries = JSON.createArrayBuilder();
    for (SellerEvents.Delivery d : sent) {
      deliveries.add(
          JSON.createObjectBuilder()
              .add("detailType", d.detailType())
              .add("eventId", d.eventId())
              .add("status", d.status())
              .add("answer", d.answer()));
    }
    return deliveries;
  }

  /**
   * Sets a buyer's contract entitlements (replacing the earlier ones): a JSON array of {@code
   * {"dimension": "users", "value": 10, "expirationDate": "2027-12-31T00:00:00Z"}}; the value is a
   * whole number, a decimal, true/false or a text, the expiration date optional.
   */
  @PUT
  @Path("{awsAccountId}/entitlements")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response entitle(@PathParam("awsAccountId") String awsAccountId, JsonValue json) {
    if (marketplace.buyer(awsAccountId).isEmpty()) {
      return notFound();
    }
    if (!(json instanceof JsonArray body)) {
      return badRequest("A JSON array of entitlements is required.");
    }
    List<SandboxMarketplace.Entitlement> granted = new ArrayList<>();
    try {
      for (JsonValue item : body) {
        if (!(item instanceof JsonObject e) || !(e.get("dimension") instanceof JsonString d)) {
          return badRequest("Each entitlement is an object with a dimension.");
        }
        granted.add(
            new SandboxMarketplace.Entitlement(
                d.getString(),
                value(e.get("value")),
                e.get("expirationDate") instanceof JsonString date
                    ? Instant.parse(date.getString())
                    : null));
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return badRequest(e.getMessage());
    } catch (ArithmeticException e) {
      return badRequest("A whole-number value fits in 32 bits, as AWS's IntegerValue.");
    }
    return Response.ok(describe(marketplace.entitle(awsAccountId, granted))).build();
  }

  @GET
  @Path("{awsAccountId}/entitlements")
  public Response entitlements(@PathParam("awsAccountId") String awsAccountId) {
    return marketplace
        .buyer(awsAccountId)
        .map(b -> Response.ok(describe(marketplace.entitlementsOf(awsAccountId))).build())
        .orElseGet(BuyersResource::notFound);
  }

  /** AWS types an entitlement's value: a whole number, a decimal, true/false or a text. */
  private static Object value(JsonValue value) {
    if (value instanceof JsonNumber n) {
      return n.isIntegral() ? (Object) n.intValueExact() : (Object) n.doubleValue();
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    throw new IllegalArgumentException(
        "An entitlement's value is a whole number, a decimal, true/false or a text.");
  }

  private static JsonArray describe(List<SandboxMarketplace.Entitlement> entitlements) {
    JsonArrayBuilder json = JSON.createArrayBuilder();
    for (SandboxMarketplace.Entitlement e : entitlements) {
      JsonObjectBuilder item = JSON.createObjectBuilder().add("dimension", e.dimension());
      if (e.value() instanceof Integer i) {
        item.add("value", i);
      } else if (e.value() instanceof Double d) {
        item.add("value", d);
      } else if (e.value() instanceof Boolean b) {
        item.add("value", b);
      } else {
        item.add("value", e.value().toString());
      }
      if (e.expirationDate() != null) {
        item.add("expirationDate", e.expirationDate().toString());
      }
      json.add(item);
    }
    return json.build();
  }

  private static Response notFound() {
    return Response.status(404)
        .entity(error("notFound", "No buyer with this AWS account id."))
        .build();
  }

  private JsonObject describe(SandboxMarketplace.Buyer buyer, String token) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("awsAccountId", buyer.awsAccountId())
            .add("customerIdentifier", buyer.customerIdentifier())
            .add("productCode", buyer.productCode())
            .add("legacy", buyer.legacy())
            .add("agreementId", buyer.agreementId())
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
