package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SecurityPromise;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The JSON API refuses what a browser does on behalf of another site (403, nothing done), answers
 * its own origin and clients that are not browsers, and never sends CORS headers.
 */
@SecurityPromise
class CrossSiteApiIT {

  private static final String PASSWORD = "Cross-site-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private HttpResponse<String> create(String user, String header, String value) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri("/api/v1/workspaces"))
            .header("Authorization", Http.basic(user, PASSWORD))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"name\": \"From elsewhere\", \"siteCode\": \"us1\", \"language\": \"en\"}"));
    if (header != null) {
      request.header(header, value);
    }
    return Http.send(request);
  }

  private int total(String user) {
    return Http.json(Http.get(server.uri("/api/v1/workspaces"), user, PASSWORD)).getInt("total");
  }

  @Test
  void anotherSitesPagesCannotUseTheApi() {
    String user = Http.register(server, Http.uniqueName("xsite"), PASSWORD);
    for (String[] header :
        new String[][] {
          {"Origin", "https://evil.example"},
          {"Origin", "null"},
          {"Sec-Fetch-Site", "cross-site"},
          {"Sec-Fetch-Site", "same-site"},
        }) {
      HttpResponse<String> refused = create(user, header[0], header[1]);
      assertEquals(403, refused.statusCode(), header[0] + ": " + header[1]);
      assertEquals("crossSite", Http.json(refused).getString("error"));
      assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }
    assertEquals(0, total(user), "nothing was created");
    String self = server.uri("/").toString().replaceAll("/$", "");
    assertEquals(201, create(user, "Origin", self).statusCode(), "its own origin");
    assertEquals(201, create(user, "Sec-Fetch-Site", "same-origin").statusCode());
    assertEquals(201, create(user, null, null).statusCode(), "a client that is not a browser");
    assertEquals(3, total(user));
  }
}
