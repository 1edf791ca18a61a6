package com.billingcenter.system.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Inside the container ({@link ContainerDeployment}): the tests' sandbox as the application is
 * configured to reach it ({@code billing.aws.endpoint-override}), for what a test asks of it
 * directly: buyers, faults, renewals, and what it recorded of the metering.
 */
public final class SandboxCalls {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private SandboxCalls() {}

  /** Calls the sandbox's API at {@code path}; asserts a 2xx answer and returns its body. */
  public static String call(String method, String path, String body) throws Exception {
    String base =
        ConfigProvider.getConfig().getValue("billing.aws.endpoint-override", String.class);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(response.statusCode() < 300, path + ": " + response.body());
    return response.body();
  }

  /** {@link #call} with a JSON object answer. */
  public static JsonObject object(String method, String path, String body) throws Exception {
    return Json.createReader(new StringReader(call(method, path, body))).readObject();
  }

  /**
   * A new buyer in AWS partition {@code partition} that sends no events: the test delivers the
   * lifecycle itself.
   */
  public static JsonObject quietBuyer(String awsAccountId, String partition) throws Exception {
    return object(
        "POST",
        "/api/buyers",
        "{\"awsAccountId\": \"%s\", \"partition\": \"%s\", \"sendEvents\": false}"
            .formatted(awsAccountId, partition));
  }

  /**
   * The allocations of the first record the sandbox received for the license, dimension and hour,
   * as "quantity workspace site" (untagged: "quantity"), in the order sent.
   */
  public static List<String> allocations(String licenseArn, String dimension, Instant hour)
      throws Exception {
    JsonArray all =
        Json.createReader(new StringReader(call("GET", "/api/metering", null))).readArray();
    for (JsonObject r : all.getValuesAs(JsonObject.class)) {
      if (licenseArn.equals(r.getString("licenseArn", null))
          && dimension.equals(r.getString("dimension"))
          && hour.equals(Instant.parse(r.getString("timestamp")))) {
        List<String> parts = new ArrayList<>();
        if (r.containsKey("allocations")) {
          for (JsonObject a : r.getJsonArray("allocations").getValuesAs(JsonObject.class)) {
            JsonObject tags = a.getJsonObject("tags");
            parts.add(
                tags.isEmpty()
                    ? Integer.toString(a.getInt("quantity"))
                    : a.getInt("quantity")
                        + " "
                        + tags.getString("workspace")
                        + " "
                        + tags.getString("site"));
          }
        }
        return parts;
      }
    }
    throw new AssertionError("no record of " + dimension + "@" + hour + " for " + licenseArn);
  }

  /**
   * What the sandbox recorded for the license: (dimension@hour) → quantities received; asserts each
   * was a success.
   */
  public static Map<String, List<Integer>> received(String licenseArn) throws Exception {
    JsonArray all =
        Json.createReader(new StringReader(call("GET", "/api/metering", null))).readArray();
    Map<String, List<Integer>> byKey = new HashMap<>();
    for (JsonObject r : all.getValuesAs(JsonObject.class)) {
      if (licenseArn.equals(r.getString("licenseArn", null))) {
        byKey
            .computeIfAbsent(
                r.getString("dimension") + "@" + Instant.parse(r.getString("timestamp")),
                k -> new ArrayList<>())
            .add(r.getInt("quantity"));
        assertEquals("Success", r.getString("status"), r.toString());
      }
    }
    return byKey;
  }
}
