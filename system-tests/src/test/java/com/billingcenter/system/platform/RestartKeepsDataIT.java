package com.billingcenter.system.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.Shared;
import com.billingcenter.system.support.StrictServer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Data survives a restart: unlike Payara Micro's own default database (a new temporary folder at
 * every start), the application's datasource keeps its file, and migrations run again harmlessly.
 * The {@link StrictServer} is restarted: the tests that use it after find it running again.
 */
@ResourceLock(Shared.STRICT_SERVER)
@Order(3)
class RestartKeepsDataIT {

  @Test
  void accountRegisteredBeforeARestartCanLogInAfterIt() {
    BillingCenterServer server = StrictServer.get();
    String username = Http.uniqueName("kept");
    String password = "Restart-test-2026";
    assertEquals(
        201,
        Http.postJson(
                server.uri("/api/v1/accounts"),
                Http.registration(username, username + "@example.com", password))
            .statusCode());
    server.stop();
    server.start();
    var after = Http.get(server.uri("/api/v1/account"), username, password);
    assertEquals(200, after.statusCode(), after.body());
    assertEquals(username, Http.json(after).getString("username"));
  }
}
