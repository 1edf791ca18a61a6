package com.billingcenter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox stays out of production: deployed without {@code sandbox.enabled=true} (here beside
 * the Billing Center, as a copied deployment would put it) it fails its deployment and answers
 * nothing, while the Billing Center starts and warns, by name, that its AWS endpoint is not AWS.
 */
class SandboxGuardIT {

  private static BillingCenterServer server;

  /** Where this start's lines begin in the server's log (which earlier runs appended to). */
  private static long logStart;

  @BeforeAll
  static void start() throws Exception {
    // Nothing here depends on the database: once, on the embedded one, keeps CI's time.
    org.junit.jupiter.api.Assumptions.assumeFalse(
        System.getProperty("it.db.url", "").startsWith("jdbc:postgresql:"),
        "run on the embedded database only");
    server = BillingCenterServer.withSandboxNotEnabled("guard");
    server.deleteDatabase();
    logStart = Files.exists(server.log()) ? Files.size(server.log()) : 0;
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void withoutItsFlagTheSandboxAnswersNothingAndTheBillingCenterWarnsOfItsEndpoint()
      throws Exception {
    assertEquals(200, Http.get(server.uri("/health")).statusCode(), "the Billing Center runs");
    for (String path : new String[] {"/aws-sandbox/health", "/aws-sandbox/listing"}) {
      assertEquals(404, Http.get(server.uri(path)).statusCode(), path);
    }
    var buyer = Http.postJson(server.uri("/aws-sandbox/api/buyers"), "{\"awsAccountId\": \"1\"}");
    assertEquals(404, buyer.statusCode(), "no buyer is made: " + buyer.body());
    var resolve =
        Http.send(
            java.net.http.HttpRequest.newBuilder(server.uri("/aws-sandbox/"))
                .header("X-Amz-Target", "AWSMPMeteringService.ResolveCustomer")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"RegistrationToken\": \"x\"}")));
    assertEquals(404, resolve.statusCode(), "nothing answers as AWS: " + resolve.body());
    byte[] all = Files.readAllBytes(server.log());
    String log =
        new String(
            all,
            (int) logStart,
            all.length - (int) logStart,
            java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(
        log.contains("it starts only with sandbox.enabled=true"),
        "the log says why: " + server.log());
    assertTrue(
        log.contains("billing.aws.endpoint-override sends AWS Marketplace calls to "),
        "the Billing Center names the setting that points away from AWS: " + server.log());
  }
}
