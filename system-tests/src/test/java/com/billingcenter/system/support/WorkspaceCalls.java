package com.billingcenter.system.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A customer's workspaces set up through the JSON API, for tests that start from them. */
public final class WorkspaceCalls {

  private WorkspaceCalls() {}

  /** Creates a workspace; returns its id. */
  public static long create(
      BillingCenterServer server,
      String user,
      String password,
      String name,
      String site,
      String language) {
    var created =
        Http.postJson(
            server.uri("/api/v1/workspaces"),
            "{\"name\": \"%s\", \"siteCode\": \"%s\", \"language\": \"%s\"}"
                .formatted(name, site, language),
            user,
            password);
    assertEquals(201, created.statusCode(), created.body());
    return Http.json(created).getJsonNumber("id").longValue();
  }

  /** Lets the AWS cloud account {@code cloudAccount} settle the workspace. */
  public static void settleByAws(
      BillingCenterServer server, String user, String password, long workspace, long cloudAccount) {
    var changed =
        Http.postJson(
            server.uri("/api/v1/workspaces/" + workspace + "/settlement"),
            "{\"method\": \"aws\", \"cloudAccountId\": " + cloudAccount + "}",
            user,
            password);
    assertEquals(200, changed.statusCode(), changed.body());
  }
}
