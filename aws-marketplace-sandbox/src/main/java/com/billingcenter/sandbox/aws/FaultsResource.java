package com.billingcenter.sandbox.aws;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/faults}: the faults injected into {@code BatchMeterUsage} and {@code
 * ResolveCustomer}. POST {@code {"throttleRate", "serverErrorRate", "unprocessedRate", "latencyMs",
 * "callsPerSecond", "resolveCustomerError"}} (rates 0 to 1; the last an error code of
 * ResolveCustomer; missing fields are 0 or none, so {@code {}} turns every fault off); GET shows
 * them.
 */
@Path("faults")
@Produces(MediaType.APPLICATION_JSON)
public class FaultsResource {

  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject Faults faults;

  @GET
  public JsonObject current() {
    return json(faults.settings());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response set(JsonValue body) {
    if (!(body instanceof JsonObject given)) {
      return badRequest("The body is a JSON object of fault settings.");
    }
    for (String field : given.keySet()) {
      if (!java.util.Set.of(
              "throttleRate",
              "serverErrorRate",
              "unprocessedRate",
              "latencyMs",
              "callsPerSecond",
              "resolveCustomerError")
          .contains(field)) {
        return badRequest("Unknown fault setting " + field + ".");
      }
      if (field.equals("resolveCustomerError")) {
        if (!(given.get(field) instanceof jakarta.json.JsonString)) {
          return badRequest(field + " must be a string.");
        }
      } else if (!(given.get(field) instanceof JsonNumber)) {
        return badRequest(field + " must be a number.");
      }
    }
    try {
      Faults.Settings settings =
          new Faults.Settings(
              number(given, "throttleRate"),
              number(given, "serverErrorRate"),
              number(given, "unprocessedRate"),
              (long) number(given, "latencyMs"),
              number(given, "callsPerSecond"),
              given.containsKey("resolveCustomerError")
                  ? given.getString("resolveCustomerError")
                  : null);
      faults.set(settings);
      return Response.ok(json(settings)).build();
    } catch (IllegalArgumentException e) {
      return badRequest(e.getMessage());
    }
  }

  private static double number(JsonObject given, String field) {
    return given.get(field) instanceof JsonNumber n ? n.doubleValue() : 0;
  }

  private static JsonObject json(Faults.Settings s) {
    return JSON.createObjectBuilder()
        .add("throttleRate", s.throttleRate())
        .add("serverErrorRate", s.serverErrorRate())
        .add("unprocessedRate", s.unprocessedRate())
        .add("latencyMs", s.latencyMs())
        .add("callsPerSecond", s.callsPerSecond())
        .add(
            "resolveCustomerError",
            s.resolveCustomerError() == null
                ? JsonValue.NULL
                : JSON.createValue(s.resolveCustomerError()))
        .build();
  }

  private static Response badRequest(String message) {
    return Response.status(400)
        .entity(
            JSON.createObjectBuilder().add("error", "badRequest").add("message", message).build())
        .build();
  }
}
