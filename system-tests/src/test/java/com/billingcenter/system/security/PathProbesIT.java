package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Probes of the public and limited prefixes: {@code ..} segments, {@code ;} parameters, encoded
 * dots and slashes, double slashes, trailing dots and upper case. Each gets the exact answer stated
 * here (the normalized path's, or a refusal); none reaches a protected resource without
 * credentials, nor a public prefix's servlet with a protected path. Sent over a raw socket, so that
 * no client normalizes the path first.
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

  /**
   * A probe of the account and the exact answers it gets, measured on 2026-12-07 (Payara Micro
   * 6.2025.10): without credentials (never 200) and with them (the account itself, 200, only where
   * the path is the account's once its {@code ;} parameters or a trailing slash are dropped).
   */
  private record Probe(String path, int anonymous, int signedIn) {}

  private static final List<Probe> ACCOUNT_PROBES =
      List.of(
          new Probe("/api/v1/../v1/account", 401, 404),
          new Probe("/api/v1/./account", 401, 404),
          new Probe("/api/v1/account;x=1", 401, 200),
          new Probe("/api/v1;x=1/account", 401, 200),
          new Probe("/api;x=1/v1/account", 404, 404),
          new Probe("/api%2fv1/account", 404, 404),
          new Probe("/api/v1/%2e%2e/v1/account", 401, 404),
          new Probe("/api/v1/%2E/account", 401, 404),
          new Probe("/api/v1/account%2f", 401, 404),
          new Probe("//api/v1/account", 404, 404),
          new Probe("/api//v1/account", 401, 404),
          new Probe("/api/v1/account.", 401, 404),
          new Probe("/api/v1/account/", 401, 200),
          new Probe("/API/v1/account", 404, 404),
          new Probe("/Api/V1/Account", 404, 404),
          new Probe("/marketplace/../api/v1/account", 404, 404),
          new Probe("/marketplace/%2e%2e/api/v1/account", 404, 404),
          new Probe("/marketplace/aws/..;/..;/api/v1/account", 404, 404),
          new Probe("/health/../api/v1/account", 404, 404),
          new Probe("/aws-sandbox/../api/v1/account", 404, 404),
          new Probe("/jakarta.faces.resource/../api/v1/account", 404, 404),
          new Probe("/resources/..%2fapi/v1/account", 404, 404));

  @Test
  void noProbeReachesTheAccountWithoutCredentials() throws Exception {
    for (Probe probe : ACCOUNT_PROBES) {
      assertEquals(probe.anonymous(), status(probe.path(), null), probe.path());
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
    for (Probe probe : ACCOUNT_PROBES) {
      assertEquals(probe.signedIn(), status(probe.path(), basic), probe.path());
    }
  }

  @Test
  void protectedPagesBehindPublicPrefixesAreNotServed() throws Exception {
    // A redirect to the login page (302) or "not found"; never the page itself.
    for (Map.Entry<String, Integer> probe :
        List.of(
            Map.entry("/marketplace/../workspaces.xhtml", 302),
            Map.entry("/marketplace/aws/..;/../workspaces.xhtml", 404),
            Map.entry("/jakarta.faces.resource/../workspaces.xhtml", 302),
            Map.entry("/resources/../account.xhtml", 302),
            Map.entry("/login.xhtml/../workspaces.xhtml", 302),
            Map.entry("/workspaces.xhtml;jsessionid=forged", 302),
            Map.entry("/WORKSPACES.XHTML", 404),
            Map.entry("/workspaces.xhtml.", 404),
            Map.entry("/%77orkspaces.xhtml", 404))) {
      assertEquals(probe.getValue(), status(probe.getKey(), null), probe.getKey());
    }
  }
}
