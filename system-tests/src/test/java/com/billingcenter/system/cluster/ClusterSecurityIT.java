package com.billingcenter.system.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Cluster;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.PageSession;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.system.support.Shared;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The security promises that only a cluster can break (the run's {@link Cluster}, shared with
 * ClusterIT: three members on one PostgreSQL database and data grid, behind nginx, which they trust
 * as their proxy; two of them are asked directly):
 *
 * <ul>
 *   <li>sign-in counts are kept in the database, so guesses spread over the instances are counted
 *       together;
 *   <li>behind nginx each client is counted by the address nginx saw, whatever it writes in its own
 *       {@code X-Forwarded-For};
 *   <li>a password changed on one instance ends the account's page sessions on every instance;
 *   <li>the data grid, whose members do not authenticate each other (member authentication is a
 *       Hazelcast Enterprise feature), is reachable on the interface it is bound to only.
 * </ul>
 *
 * API only: no browser needed. PostgreSQL only.
 */
@SecurityPromise
@ResourceLock(Shared.CLUSTER)
@Order(1)
class ClusterSecurityIT {

  private static final String PASSWORD = "Cluster-security-2026";
  private static final String NEW_PASSWORD = "Cluster-security-new-2026";

  private static Cluster cluster;
  private static BillingCenterServer a;
  private static BillingCenterServer b;

  @BeforeAll
  static void start() throws Exception {
    cluster = Cluster.shared();
    a = cluster.members().get(0);
    b = cluster.members().get(1);
  }

  private static int account(BillingCenterServer member, String user, String password) {
    return Http.get(member.uri("/api/v1/account"), user, password).statusCode();
  }

  @Test
  void guessesSpreadOverTheInstancesAreCountedTogether() {
    String user = Http.register(a, Http.uniqueName("spread"), PASSWORD);
    for (int i = 0; i < 5; i++) {
      BillingCenterServer member = i % 2 == 0 ? a : b;
      assertEquals(401, account(member, user, "wrong-" + i), "guess " + i);
    }
    // Five failures of this name from this address, three on a and two on b: the pair is refused
    // on both, the right password included. Counted per instance, b would have seen two.
    assertEquals(429, account(b, user, PASSWORD), "b knows a's failures");
    assertEquals(429, account(a, user, PASSWORD), "and a knows b's");
  }

  /**
   * GET {@code /api/v1/account} through nginx from the local address {@code from} (any 127.x
   * address reaches nginx on 127.0.0.1), with a forged {@code X-Forwarded-For}: the status.
   */
  private static int throughNginx(String from, String forged, String user, String password)
      throws Exception {
    var nginx = cluster.nginx().uri("/");
    try (Socket socket =
        new Socket(
            InetAddress.getByName(nginx.getHost()),
            nginx.getPort(),
            InetAddress.getByName(from),
            0)) {
      socket.setSoTimeout(20_000);
      socket
          .getOutputStream()
          .write(
              ("GET /api/v1/account HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                      + "X-Forwarded-For: "
                      + forged
                      + "\r\nAuthorization: "
                      + Http.basic(user, password)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String status =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertTrue(status != null && status.startsWith("HTTP/1.1 "), "answer: " + status);
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  @Test
  void behindNginxEachClientIsCountedByTheAddressNginxSaw() throws Exception {
    String user = Http.register(a, Http.uniqueName("proxied"), PASSWORD);
    for (int i = 0; i < 5; i++) {
      // A different forged address each time: were it believed, no pair would reach five.
      assertEquals(
          401,
          throughNginx("127.0.0.2", "198.51.100." + (i + 1), user, "wrong-" + i),
          "guess " + i);
    }
    // The name's own delay (1 s after five failures, doubling) passes first, so that what is
    // left is the pair's refusal.
    Thread.sleep(3_000);
    assertEquals(
        200,
        throughNginx("127.0.0.3", "198.51.100.77", user, PASSWORD),
        "another client, as nginx tells it apart, signs in: nginx's X-Forwarded-For is believed");
    assertEquals(
        429,
        throughNginx("127.0.0.2", "198.51.100.77", user, PASSWORD),
        "the client nginx saw guess, 127.0.0.2, is refused whatever it claims to be");
  }

  @Test
  void aPasswordChangedOnOneInstanceEndsThePageSessionsOnEveryInstance() throws Exception {
    String user = Http.register(a, Http.uniqueName("everywhere"), PASSWORD);
    PageSession laptop = new PageSession(a);
    laptop.logIn(user, PASSWORD);
    assertTrue(laptop.signedInAt(b), "the session is the grid's: b shows it too");
    var changed = Http.changePassword(b, user, PASSWORD, NEW_PASSWORD);
    assertEquals(204, changed.statusCode(), changed.body());
    assertFalse(laptop.signedInAt(a), "signed out on a, where it signed in");
    assertFalse(laptop.signedInAt(b), "and on b, where the password changed");
    assertEquals(200, account(a, user, NEW_PASSWORD));
  }

  /**
   * Payara's data grid has no member authentication: whoever reaches a member's grid port can join
   * it and read the sessions. What stands in for it (docs/cluster.md) is the network: each member
   * binds the grid to the one interface it names ({@code --interfaces}, here loopback, with {@code
   * hazelcast.socket.bind.any=false}), and a firewall lets only the members reach that port. Here:
   * every grid port answers on loopback and on no other address of this machine.
   */
  @Test
  void theGridIsReachableOnItsOwnInterfaceOnly() throws Exception {
    List<InetAddress> others =
        java.net.NetworkInterface.networkInterfaces()
            .flatMap(java.net.NetworkInterface::inetAddresses)
            .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
            .toList();
    org.junit.jupiter.api.Assumptions.assumeFalse(
        others.isEmpty(), "this machine has an address besides loopback");
    for (int port : cluster.gridPorts()) {
      assertTrue(connects(InetAddress.getLoopbackAddress(), port), "the members reach " + port);
      for (InetAddress other : others) {
        assertFalse(connects(other, port), "grid port " + port + " reached at " + other);
      }
    }
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new java.net.InetSocketAddress(address, port), 2000);
      return true;
    } catch (java.io.IOException refused) {
      return false;
    }
  }
}
