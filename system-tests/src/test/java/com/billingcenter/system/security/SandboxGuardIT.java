package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.system.support.Shared;
import com.billingcenter.system.support.StrictServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The sandbox stays out of production: deployed without {@code sandbox.enabled=true} (beside the
 * Billing Center of the {@link StrictServer}, as a copied deployment would put it) it fails its
 * deployment and answers nothing, while the Billing Center starts and warns, by name, that its AWS
 * endpoint is not AWS.
 */
@SecurityPromise
@ResourceLock(Shared.STRICT_SERVER)
@Order(3)
class SandboxGuardIT {

  private static BillingCenterServer server;

  @BeforeAll
  static void start() {
    server = StrictServer.get();
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
    String log = StrictServer.log();
    assertTrue(
        log.contains("it starts only with sandbox.enabled=true"),
        "the log says why: " + server.log());
    assertTrue(
        log.contains("billing.aws.endpoint-override sends AWS Marketplace calls to "),
        "the Billing Center names the setting that points away from AWS: " + server.log());
  }
}
