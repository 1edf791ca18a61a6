package com.billingcenter.platform.rest;

import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.ApiErrors;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure of an API call into a JSON error with the right status. Client mistakes keep
 * their 4xx; anything unexpected is logged here with its stack trace and answered with a plain 500.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable cause = unwrap(thrown);
    if (cause instanceof RuleViolation violation) {
      return error(statusOf(violation.code()), violation.code(), violation.getMessage());
    }
    if (isMalformedBody(cause)) {
      return error(
          400, "malformedBody", "The request body is not valid JSON of the expected form.");
    }
    if (cause instanceof WebApplicationException web
        && web.getResponse().getStatus() == 404
        && web.getCause() instanceof IllegalArgumentException) {
      // A query or path parameter that does not convert (e.g. ?page=abc): the runtime says 404.
      return error(400, "parameter.invalid", "A parameter of the request has the wrong form.");
    }
    if (cause instanceof WebApplicationException web && web.getResponse().getStatus() == 400) {
      return error(
          400, "malformedBody", "The request body is missing or is not JSON of the expected form.");
    }
    if (cause instanceof NotFoundException) {
      return error(404, "notFound", "There is nothing at this address.");
    }
    if (cause instanceof NotAllowedException) {
      return error(405, "methodNotAllowed", "This address does not accept this method.");
    }
    if (cause instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      if (status < 500) {
        return error(status, "badRequest", "The request cannot be processed: " + status + ".");
      }
    }
    LOG.log(Level.SEVERE, "Unexpected failure of an API call", thrown);
    return error(500, "internal", "Something went wrong on our side. Nothing was changed.");
  }

  /**
   * 404 for what is not there (or not the caller's: the same answer), 403 for what the caller's
   * credential may not do (e.g. an API token managing tokens), 409 for a request that is
   * well-formed but conflicts with the current state, 400 for everything else.
   */
  static int statusOf(String code) {
    if (code.endsWith(".notFound")) {
      return 404;
    }
    if (code.endsWith(".throttled")) {
      return 429;
    }
    if (code.endsWith(".forbidden")) {
      return 403;
    }
    if (code.endsWith(".taken") || CONFLICTS.contains(code)) {
      return 409;
    }
    return 400;
  }

  private static final java.util.Set<String> CONFLICTS =
      java.util.Set.of(
          "settlement.oncePerMonth",
          "settlement.unchanged",
          "workspace.plan.alreadyCommercial",
          "workspace.dissolve.notLocked");

  private static Throwable unwrap(Throwable thrown) {
    Throwable t = thrown;
    while (t instanceof EJBException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static boolean isMalformedBody(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonException) {
        return true;
      }
      if (t instanceof ProcessingException && t.getCause() == null) {
        return true;
      }
    }
    return false;
  }

  static Response error(int status, String code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiErrors.json(code, message))
        .build();
  }
}
