package com.billingcenter.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The JSON API is stateless: every call authenticates with HTTP Basic. The one authentication
 * mechanism keeps page logins in the session, and anything on the way (the container's login, a
 * filter) may open one during an API call; this filter ends such a session when the call is
 * answered, so that API clients do not fill the server with sessions nobody will use again.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class StatelessApiFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } finally {
      HttpSession session = request.getSession(false);
      if (session != null && session.isNew()) {
        session.invalidate();
      }
    }
  }
}
