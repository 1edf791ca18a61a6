package com.billingcenter.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The session cookies ({@code JSESSIONID}, and {@code JSESSIONIDVERSION} of a replicated session)
 * get {@code SameSite=Lax}, and {@code Secure} when the client came over HTTPS ({@link
 * ClientAddress#isHttps}). Payara Micro 6.2025.10 writes them {@code HttpOnly} but ignores the
 * {@code SameSite} attribute that {@code web.xml} asks for, so the container's {@code Set-Cookie}
 * headers are rewritten as soon as a session is made or its id changes: through the requests this
 * filter hands on, and by the authentication mechanism for the sessions it makes itself.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SessionCookies extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(new Hardening(request, response), response);
  }

  /** Rewrites the session cookies among the response's {@code Set-Cookie} headers, if any. */
  static void harden(HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted()) {
      return;
    }
    List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
    if (cookies.stream().noneMatch(SessionCookies::needsHardening)) {
      return;
    }
    boolean https = ClientAddress.isHttps(request);
    for (int i = 0; i < cookies.size(); i++) {
      String cookie = cookies.get(i);
      if (needsHardening(cookie)) {
        cookie += "; SameSite=Lax";
        if (https && !cookie.contains("; Secure")) {
          cookie += "; Secure";
        }
      }
      if (i == 0) {
        response.setHeader("Set-Cookie", cookie);
      } else {
        response.addHeader("Set-Cookie", cookie);
      }
    }
  }

  private static boolean needsHardening(String cookie) {
    return cookie.startsWith("JSESSIONID") && !cookie.contains("SameSite=");
  }

  private static final class Hardening extends HttpServletRequestWrapper {
    private final HttpServletResponse response;

    Hardening(HttpServletRequest request, HttpServletResponse response) {
      super(request);
      this.response = response;
    }

    @Override
    public HttpSession getSession() {
      return getSession(true);
    }

    @Override
    public HttpSession getSession(boolean create) {
      HttpSession session = super.getSession(create);
      // Only a session made in this request has a cookie to rewrite (Faces asks for the session
      // many times a request).
      if (session != null && session.isNew()) {
        harden(this, response);
      }
      return session;
    }

    @Override
    public String changeSessionId() {
      String id = super.changeSessionId();
      harden(this, response);
      return id;
    }
  }
}
