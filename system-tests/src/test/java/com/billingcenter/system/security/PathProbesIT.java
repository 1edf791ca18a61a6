package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SecurityPromise;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Probes of the public and limited prefixes: {@code ..} segments, {@code ;} parameters, encoded
 * dots and slashes, double slashes, trailing dots and upper case. Each either gets the same answer
 * as its normalized path or is refused; none reaches a protected resource without credentials, nor
 * a public prefix's servlet with a protected path. Sent over a raw socket, so that no client
 * normalizes the path first.
 */
@SecurityPromise
class PathProbesIT {

  private static final String PASSWORD = "Path-probes-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  /** The status line's code of a GET of {@code path} exactly as written. */
  private int status(String path, String authorization) throws Exception {
    try (Socket socket = new Socket(server.base().getHost(), server.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      String request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
              + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
              + "\r\n";
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      var in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String statusLine = in.readLine();
      assertTrue(statusLine != null && statusLine.startsWith("HTTP/1.1 "), "answer: " + statusLine);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }

  private static final List<String> ACCOUNT_PROBES =
      List.of(
          "/api/v1/../v1/account",
          "/api/v1/./account",
          "/api/v1/account;x=1",
          "/api/v1;x=1/account",
          "/api;x=1/v1/account",
          "/api%2fv1/account",
          "/api/v1/%2e%2e/v1/account",
          "/api/v1/%2E/account",
          "/api/v1/account%2f",
          "//api/v1/account",
          "/api//v1/account",
          "/api/v1/account.",
          "/api/v1/account/",
          "/API/v1/account",
          "/Api/V1/Account",
          "/marketplace/../api/v1/account",
          "/marketplace/%2e%2e/api/v1/account",
          "/marketplace/aws/..;/..;/api/v1/account",
          "/health/../api/v1/account",
          "/aws-sandbox/../api/v1/account",
          "/jakarta.faces.resource/../api/v1/account",
          "/resources/..%2fapi/v1/account");

  @Test
  void noProbeReachesTheAccountWithoutCredentials() throws Exception {
    for (String probe : ACCOUNT_PROBES) {
      int status = status(probe, null);
      assertTrue(status >= 400 && status < 500, probe + " answered " + status);
    }
  }

  @Test
  void withCredentialsAProbeGetsTheNormalizedPathsAnswerOrIsRefused() throws Exception {
    String user = Http.register(server, Http.uniqueName("paths"), PASSWORD);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertEquals(200, status("/api/v1/account", basic), "the control");
    for (String probe : ACCOUNT_PROBES) {
      int status = status(probe, basic);
      assertTrue(status == 200 || (status >= 400 && status < 500), probe + " answered " + status);
    }
  }

  @Test
  void protectedPagesBehindPublicPrefixesAreNotServed() throws Exception {
    for (String probe :
        List.of(
            "/marketplace/../workspaces.xhtml",
            "/marketplace/aws/..;/../workspaces.xhtml",
            "/jakarta.faces.resource/../workspaces.xhtml",
            "/resources/../account.xhtml",
            "/login.xhtml/../workspaces.xhtml",
            "/workspaces.xhtml;jsessionid=forged",
            "/WORKSPACES.XHTML",
            "/workspaces.xhtml.",
            "/%77orkspaces.xhtml")) {
      int status = status(probe, null);
      // A redirect to the login page (302) or a refusal; never the page itself.
      assertFalse(status == 200, probe + " served the page");
      assertTrue(status == 302 || (status >= 400 && status < 500), probe + " answered " + status);
    }
  }
}
