package com.billingcenter.operations.web;

import com.billingcenter.operations.boundary.Operators;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Guards the operators' console ({@code /ops/}): every page but the sign-in and set-up ones needs
 * an operator's session ({@link OperatorCookie}), else it leads to the operators' sign-in; a
 * customer's sign-in counts for nothing here (and an operator's for nothing on the customers'
 * pages, which Jakarta Security guards with the customer's role). The signed-in operator is the
 * request's {@link #OPERATOR}.
 */
@WebFilter(urlPatterns = "/ops/*")
public class OperatorFilter extends HttpFilter {

  /** The request attribute of the signed-in {@link Operators.Operator}. */
  public static final String OPERATOR = "billing.operator";

  static final String LOGIN = "/ops/login.xhtml";

  private static final Set<String> OPEN = Set.of(LOGIN, "/ops/setup.xhtml");

  @Inject transient Operators operators;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Cache-Control", "no-store");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<Operators.Operator> operator =
        OperatorCookie.token(request).flatMap(operators::session);
    operator.ifPresent(o -> request.setAttribute(OPERATOR, o));
    if (operator.isEmpty() && !OPEN.contains(path)) {
      response.sendRedirect(request.getContextPath() + LOGIN);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The signed-in operator of the current Faces request (none on the sign-in and set-up pages). */
  static Operators.Operator current() {
    return (Operators.Operator)
        jakarta.faces.context.FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestMap()
            .get(OPERATOR);
  }

  /** Whether the signed-in operator may act (an auditor reads only). */
  static boolean acting() {
    Operators.Operator operator = current();
    return operator != null && operator.role() == Operators.Role.OPERATOR;
  }
}
