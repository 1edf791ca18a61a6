package com.billingcenter.platform.web;

import com.billingcenter.account.entity.Role;
import com.billingcenter.platform.entity.RuleViolation;
import jakarta.annotation.Priority;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.util.logging.Logger;

/**
 * Checks a page action's {@link Requires} against the caller's role before it runs: one the role
 * may not do runs not at all, and the page says why ({@code role.forbidden}).
 */
@Requires(Role.Permission.READ)
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RoleCheck implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(RoleCheck.class.getName());

  @Inject Caller caller;

  @AroundInvoke
  Object check(InvocationContext invocation) throws Exception {
    FacesContext faces = FacesContext.getCurrentInstance();
    Requires requires = invocation.getMethod().getAnnotation(Requires.class);
    if (requires == null) {
      requires = invocation.getMethod().getDeclaringClass().getAnnotation(Requires.class);
    }
    // Pages only: an API call was checked by platform.rest.RoleFilter before it got here (the
    // resources are beans too). Nobody signed in (a page a mailed link opened): the action refuses
    // that itself.
    if (faces != null && requires != null && caller.signedIn()) {
      try {
        caller.require(requires.value());
      } catch (RuleViolation refused) {
        LOG.info(
            () ->
                "Refused "
                    + invocation.getMethod().getName()
                    + " to "
                    + caller.username()
                    + ": "
                    + refused.getMessage());
        Messages.error(faces, null, refused.code());
        return null;
      }
    }
    return invocation.proceed();
  }
}
