package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.system.support.Shared;
import com.billingcenter.system.support.StrictServer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The WAR's shipped configuration ({@code META-INF/microprofile-config.properties}) is what {@code
 * docs/configuration.md} and {@code docs/security.md} say, tested on servers that are not given the
 * keys: a new password's hash costs 600,000 PBKDF2 iterations (the {@link StrictServer} runs on the
 * shipped value), and without the product code of its AWS listing the Billing Center does not
 * start.
 */
@SecurityPromise
@ResourceLock(Shared.STRICT_SERVER)
@Order(3)
class ShippedDefaultsIT {

  private static final String REFUSAL =
      "The Billing Center does not start: billing.aws.product-code is empty";

  @Test
  void aNewAccountsPasswordIsHashedWith600000Iterations() throws Exception {
    BillingCenterServer server = StrictServer.get();
    String username = Http.uniqueName("shipped");
    // An address of its own: the strict server counts registrations per address.
    var created =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/accounts"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.51.100.61")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Http.registration(
                            username, username + "@example.com", "Shipped-cost-2026"))));
    assertEquals(201, created.statusCode(), created.body());
    try (Connection db = Database.connect(server);
        PreparedStatement query =
            db.prepareStatement("SELECT password_hash FROM billing_account WHERE username = ?")) {
      query.setString(1, username);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), "the account is stored");
        // Jakarta Security's format: PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>
        String[] hash = row.getString(1).split(":");
        assertEquals("PBKDF2WithHmacSHA256", hash[0]);
        assertEquals("600000", hash[1], "the iterations of the stored hash");
      }
    }
  }

  @Test
  void withoutAProductCodeTheBillingCenterDoesNotStart() throws Exception {
    String database = "billing_ci_unconfigured";
    BillingCenterServer server =
        BillingCenterServer.member(
                "unconfigured",
                Database.onPostgres() ? Database.freshPostgres(database) : null,
                BillingCenterServer.shared().uri("/aws-sandbox"),
                List.of())
            .asShipped("billing.aws.product-code");
    server.deleteDatabase();
    long logStart = Files.exists(server.log()) ? Files.size(server.log()) : 0;
    server.launch();
    try {
      String log = "";
      // Until it refuses, stops, or (the failure) answers as a started Billing Center would.
      for (int i = 0;
          i < 360 && !log.contains(REFUSAL) && server.running() && !started(server);
          i++) {
        Thread.sleep(500);
        byte[] all = Files.readAllBytes(server.log());
        log = new String(all, (int) logStart, all.length - (int) logStart, StandardCharsets.UTF_8);
      }
      assertTrue(log.contains(REFUSAL), "the log names the missing key: " + server.log());
      assertFalse(started(server), "no Billing Center answers");
      assertNotEquals(200, Http.get(server.uri("/login.xhtml")).statusCode(), "no page is served");
    } finally {
      server.stop();
      if (Database.onPostgres()) {
        Database.dropPostgres(database);
      }
    }
  }

  private static boolean started(BillingCenterServer server) {
    try {
      return Http.get(server.uri("/health")).statusCode() == 200;
    } catch (RuntimeException notListeningYet) {
      return false;
    }
  }
}
