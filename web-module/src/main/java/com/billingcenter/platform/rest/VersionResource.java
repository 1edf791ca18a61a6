package com.billingcenter.platform.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/version}: which API this is, without credentials. Also the cheapest call of
 * the API, which the benchmarks use as their baseline.
 */
@Path("v1/version")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class VersionResource {

  private static final Map<String, String> VERSION =
      Map.of("application", "Billing Center", "api", "1");

  @GET
  @Operation(summary = "The API's version", description = "Needs no credentials.")
  public Map<String, String> version() {
    return VERSION;
  }
}
