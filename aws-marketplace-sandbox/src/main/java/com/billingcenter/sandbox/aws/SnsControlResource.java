package com.billingcenter.sandbox.aws;

import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SNS for tests: {@code POST /api/sns/confirmation?subscribeUrl=...} sends the seller a signed
 * subscription confirmation with that {@code SubscribeURL}; {@code GET /api/sns/subscribe} stands
 * for a subscribe URL and counts its visits ({@code GET /api/sns/subscribe/count}), so that a test
 * can see whether the seller fetched it.
 */
@Path("sns")
@Produces(MediaType.APPLICATION_JSON)
public class SnsControlResource {

  private static final JsonProvider JSON = JsonProvider.provider();
  private static final AtomicInteger VISITS = new AtomicInteger();

  @Inject SnsPublisher sns;

  @POST
  @Path("confirmation")
  public Response confirmation(@QueryParam("subscribeUrl") String subscribeUrl) {
    if (subscribeUrl == null || subscribeUrl.isBlank()) {
      return Response.status(400)
          .entity(
              JSON.createObjectBuilder()
                  .add("error", "badRequest")
                  .add("message", "subscribeUrl is required.")
                  .build())
          .build();
    }
    SellerEvents.Delivery d = sns.confirmation(subscribeUrl);
    return Response.ok(
            JSON.createObjectBuilder().add("status", d.status()).add("answer", d.answer()).build())
        .build();
  }

  @GET
  @Path("subscribe")
  public Response subscribe() {
    VISITS.incrementAndGet();
    return Response.ok(JSON.createObjectBuilder().add("confirmed", true).build()).build();
  }

  @GET
  @Path("subscribe/count")
  public Response visits() {
    return Response.ok(JSON.createObjectBuilder().add("visits", VISITS.get()).build()).build();
  }
}
