package com.billingcenter.sandbox.aws;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/metering}: every usage record the sandbox received, with the status it gave. */
@Path("metering")
@Produces(MediaType.APPLICATION_JSON)
public class MeteringResource {

  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject SandboxMarketplace marketplace;

  @GET
  public JsonArray received() {
    JsonArrayBuilder all = JSON.createArrayBuilder();
    for (SandboxMarketplace.Metered metered : marketplace.received()) {
      SandboxMarketplace.Usage usage = metered.usage();
      JsonObjectBuilder record =
          JSON.createObjectBuilder()
              .add("timestamp", usage.timestamp().toString())
              .add("dimension", usage.dimension())
              .add("quantity", usage.quantity())
              .add("status", metered.status())
              .add("receivedAt", metered.receivedAt().toString());
      add(record, "awsAccountId", usage.awsAccountId());
      add(record, "licenseArn", usage.licenseArn());
      add(record, "customerIdentifier", usage.customerIdentifier());
      add(record, "meteringRecordId", metered.meteringRecordId());
      if (!usage.allocations().isEmpty()) {
        var allocations = JSON.createArrayBuilder();
        for (SandboxMarketplace.Allocation a : usage.allocations()) {
          var tags = JSON.createObjectBuilder();
          new java.util.TreeMap<>(a.tags()).forEach(tags::add);
          allocations.add(
              JSON.createObjectBuilder().add("quantity", a.quantity()).add("tags", tags));
        }
        record.add("allocations", allocations);
      }
      all.add(record);
    }
    return all.build();
  }

  private static void add(JsonObjectBuilder record, String name, String value) {
    if (value != null) {
      record.add(name, value);
    }
  }
}
