package com.billingcenter.sandbox.aws;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A control API body that is not JSON is the caller's mistake: 400, not a server error page. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonException> {

  @Override
  public Response toResponse(JsonException e) {
    return Response.status(400)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            jakarta.json.spi.JsonProvider.provider()
                .createObjectBuilder()
                .add("error", "badRequest")
                .add("message", "The body is not valid JSON.")
                .build())
        .build();
  }
}
