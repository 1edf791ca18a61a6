package com.billingcenter.platform.rest;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.ApiErrors;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.Requires;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Checks a customer's API call against their role before it runs: the resource method's {@link
 * Requires} names what the role must allow. A customer's call that changes something (anything but
 * {@code GET}, {@code HEAD} and {@code OPTIONS}) on a method that names nothing is refused too, so
 * that a new endpoint is closed until it says who may call it. Answers 403 {@code role.forbidden}.
 */
@Provider
public class RoleFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(RoleFilter.class.getName());
  private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.getSecurityContext().isUserInRole(BillingAccount.CUSTOMER_ROLE)
        || resource.getResourceMethod() == null) {
      return;
    }
    Requires requires = resource.getResourceMethod().getAnnotation(Requires.class);
    if (requires == null) {
      requires = resource.getResourceClass().getAnnotation(Requires.class);
    }
    if (requires == null) {
      if (!READING.contains(request.getMethod())) {
        refuse(request, "This call does not say which roles may make it.");
      }
      return;
    }
    try {
      CDI.current().select(Caller.class).get().require(requires.value());
    } catch (RuleViolation refused) {
      refuse(request, refused.getMessage());
    }
  }

  private static void refuse(ContainerRequestContext request, String message) {
    LOG.info(
        () ->
            "Refused "
                + request.getMethod()
                + " "
                + request.getUriInfo().getPath()
                + " to "
                + request.getSecurityContext().getUserPrincipal().getName()
                + ": "
                + message);
    request.abortWith(
        Response.status(Response.Status.FORBIDDEN)
            .type(MediaType.APPLICATION_JSON)
            .entity(ApiErrors.json("role.forbidden", message))
            .build());
  }
}
