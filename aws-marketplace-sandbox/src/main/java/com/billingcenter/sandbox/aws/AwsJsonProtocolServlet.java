package com.billingcenter.sandbox.aws;

import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The AWS JSON 1.1 protocol at the sandbox's root, as the AWS SDK speaks it: {@code POST /} with
 * {@code X-Amz-Target: AWSMPMeteringService.<Operation>} (or {@code AWSMPEntitlementService}, or
 * the Agreement Service's {@code AWSMPCommerceService_v20200301}, AWS JSON 1.0) and a JSON body;
 * errors are HTTP 400 with {@code {"__type": ..., "message": ...}}. The SigV4 signature is not
 * checked. {@code GET /} shows a short page about the sandbox.
 */
@WebServlet(urlPatterns = "")
public class AwsJsonProtocolServlet extends HttpServlet {

  // Json.* looks the provider up on every call; one is enough.
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final int MAX_BODY = 1024 * 1024;

  @Inject SandboxMarketplace marketplace;
  @Inject Faults faults;
  @Inject SandboxAgreements agreements;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String target = request.getHeader("X-Amz-Target");
    try {
      JsonObject input = read(request);
      JsonObject output =
          switch (target == null ? "" : target) {
            case "AWSMPMeteringService.ResolveCustomer" -> resolveCustomer(input);
            case "AWSMPMeteringService.BatchMeterUsage" -> batchMeterUsage(input);
            case "AWSMPEntitlementService.GetEntitlements" -> getEntitlements(input);
            case "AWSMPCommerceService_v20200301.DescribeAgreement" -> agreements.describe(input);
            case "AWSMPCommerceService_v20200301.GetAgreementTerms" -> agreements.terms(input);
            default ->
                throw new AwsError(
                    400, "UnknownOperationException", "Unknown operation " + target + ".");
          };
      write(response, 200, output);
    } catch (AwsError e) {
      write(
          response,
          e.status(),
          JSON.createObjectBuilder()
              .add("__type", e.type())
              .add("message", e.getMessage())
              .build());
    }
  }

  private JsonObject resolveCustomer(JsonObject input) {
    if (!input.containsKey("RegistrationToken")
        || input.get("RegistrationToken").getValueType()
            != jakarta.json.JsonValue.ValueType.STRING) {
      throw new AwsError(400, "InvalidTokenException", "RegistrationToken is required.");
    }
    faults.beforeResolveCustomer();
    SandboxMarketplace.Buyer buyer =
        marketplace.resolveCustomer(input.getString("RegistrationToken"));
    JsonObjectBuilder out =
        JSON.createObjectBuilder()
            .add("CustomerAWSAccountId", buyer.awsAccountId())
            .add("ProductCode", buyer.productCode());
    if (buyer.licenseArn() != null) {
      out.add("LicenseArn", buyer.licenseArn());
    }
    // API reference, ResolveCustomer: "For new SaaS product integrations, the CustomerIdentifier
    // field is not populated"; legacy ones have it, and older listings that moved to licenses
    // get both.
    if (buyer.overSns()) {
      out.add("CustomerIdentifier", buyer.customerIdentifier());
    }
    return out.build();
  }

  /** A record's UsageAllocations: AllocatedUsageQuantity and Tags [{Key, Value}]. */
  private static java.util.List<SandboxMarketplace.Allocation> allocations(JsonObject record) {
    if (!(record.get("UsageAllocations") instanceof jakarta.json.JsonArray allocations)) {
      return java.util.List.of();
    }
    java.util.List<SandboxMarketplace.Allocation> read = new java.util.ArrayList<>();
    for (jakarta.json.JsonValue value : allocations) {
      if (!(value instanceof JsonObject allocation)
          || !(allocation.get("AllocatedUsageQuantity") instanceof jakarta.json.JsonNumber q)) {
        throw new AwsError(
            400, "ValidationException", "An allocation has its AllocatedUsageQuantity.");
      }
      java.util.Map<String, String> tags = new java.util.TreeMap<>();
      if (allocation.get("Tags") instanceof jakarta.json.JsonArray list) {
        for (JsonObject tag : list.getValuesAs(JsonObject.class)) {
          tags.put(tag.getString("Key", ""), tag.getString("Value", ""));
        }
      }
      read.add(new SandboxMarketplace.Allocation(q.intValue(), java.util.Map.copyOf(tags)));
    }
    return read;
  }

  private JsonObject batchMeterUsage(JsonObject input) {
    if (!(input.get("UsageRecords") instanceof jakarta.json.JsonArray records)) {
      throw new AwsError(400, "ValidationException", "UsageRecords is required.");
    }
    java.util.List<SandboxMarketplace.Usage> usage = new java.util.ArrayList<>();
    for (jakarta.json.JsonValue value : records) {
      if (!(value instanceof JsonObject record)
          || !(record.get("Timestamp") instanceof jakarta.json.JsonNumber timestamp)
          || !(record.get("Quantity") instanceof jakarta.json.JsonNumber quantity)) {
        throw new AwsError(
            400, "ValidationException", "Each usage record needs Timestamp and Quantity.");
      }
      usage.add(
          new SandboxMarketplace.Usage(
              record.getString("CustomerAWSAccountId", null),
              record.getString("LicenseArn", null),
              record.getString("CustomerIdentifier", null),
              record.getString("Dimension", null),
              java.time.Instant.ofEpochMilli(
                  timestamp.bigDecimalValue().movePointRight(3).longValue()),
              quantity.intValue(),
              allocations(record)));
    }
    faults.beforeCall();
    var results = JSON.createArrayBuilder();
    var unprocessed = JSON.createArrayBuilder();
    for (SandboxMarketplace.Metered metered :
        marketplace.batchMeterUsage(
            input.getString("ProductCode", ""), usage, u -> faults.unprocessed())) {
      if (SandboxMarketplace.UNPROCESSED.equals(metered.status())) {
        unprocessed.add(echo(metered.usage()));
        continue;
      }
      var result =
          JSON.createObjectBuilder()
              .add("UsageRecord", echo(metered.usage()))
              .add("Status", metered.status());
      if (metered.meteringRecordId() != null) {
        result.add("MeteringRecordId", metered.meteringRecordId());
      }
      results.add(result);
    }
    return JSON.createObjectBuilder()
        .add("Results", results)
        .add("UnprocessedRecords", unprocessed)
        .build();
  }

  private JsonObject getEntitlements(JsonObject input) {
    java.util.Map<String, java.util.List<String>> filter = new java.util.LinkedHashMap<>();
    if (input.get("Filter") instanceof JsonObject given) {
      for (var entry : given.entrySet()) {
        if (!(entry.getValue() instanceof jakarta.json.JsonArray values)
            || values.isEmpty()
            || values.stream()
                .anyMatch(v -> v.getValueType() != jakarta.json.JsonValue.ValueType.STRING)) {
          throw new AwsError(
              400, "InvalidParameterException", "Each filter is a non-empty list of strings.");
        }
        filter.put(
            entry.getKey(),
            values.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList());
      }
    }
    Integer maxResults =
        input.get("MaxResults") instanceof jakarta.json.JsonNumber n ? n.intValue() : null;
    SandboxMarketplace.EntitlementPage page =
        marketplace.getEntitlements(
            input.getString("ProductCode", null),
            filter,
            maxResults,
            input.getString("NextToken", null));
    var entitlements = JSON.createArrayBuilder();
    for (SandboxMarketplace.Entitled entitled : page.entitlements()) {
      SandboxMarketplace.Buyer buyer = entitled.buyer();
      SandboxMarketplace.Entitlement entitlement = entitled.entitlement();
      JsonObjectBuilder json =
          JSON.createObjectBuilder()
              .add("ProductCode", buyer.productCode())
              .add("Dimension", entitlement.dimension())
              .add("CustomerAWSAccountId", buyer.awsAccountId())
              .add("Value", value(entitlement.value()));
      if (buyer.licenseArn() != null) {
        json.add("LicenseArn", buyer.licenseArn());
      }
      if (buyer.legacy()) {
        json.add("CustomerIdentifier", buyer.customerIdentifier());
      }
      if (entitlement.expirationDate() != null) {
        json.add("ExpirationDate", entitlement.expirationDate().getEpochSecond());
      }
      entitlements.add(json);
    }
    JsonObjectBuilder out = JSON.createObjectBuilder().add("Entitlements", entitlements);
    if (page.nextToken() != null) {
      out.add("NextToken", page.nextToken());
    }
    return out.build();
  }

  /** AWS's EntitlementValue: exactly one of its four typed members. */
  private static JsonObject value(Object value) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    if (value instanceof Integer i) {
      json.add("IntegerValue", i);
    } else if (value instanceof Double d) {
      json.add("DoubleValue", d);
    } else if (value instanceof Boolean b) {
      json.add("BooleanValue", b);
    } else {
      json.add("StringValue", value.toString());
    }
    return json.build();
  }

  private static JsonObject echo(SandboxMarketplace.Usage usage) {
    JsonObjectBuilder record =
        JSON.createObjectBuilder()
            .add("Timestamp", usage.timestamp().getEpochSecond())
            .add("Dimension", usage.dimension())
            .add("Quantity", usage.quantity());
    if (usage.awsAccountId() != null) {
      record.add("CustomerAWSAccountId", usage.awsAccountId());
    }
    if (usage.licenseArn() != null) {
      record.add("LicenseArn", usage.licenseArn());
    }
    if (usage.customerIdentifier() != null) {
      record.add("CustomerIdentifier", usage.customerIdentifier());
    }
    return record.build();
  }

  private static JsonObject read(HttpServletRequest request) throws IOException {
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw new AwsError(413, "SerializationException", "Request body too large.");
      }
      try (JsonReader reader =
          JSON.createReader(new java.io.StringReader(new String(body, StandardCharsets.UTF_8)))) {
        return reader.readObject();
      }
    } catch (JsonException e) {
      throw new AwsError(400, "SerializationException", "Request body is not a JSON object.");
    }
  }

  private static void write(HttpServletResponse response, int status, JsonObject body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(CONTENT_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    response.getWriter().write(body.toString());
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="UTF-8"><title>AWS Marketplace sandbox</title></head>
            <body><main>
            <h1>AWS Marketplace sandbox</h1>
            <p>A local stand-in for AWS Marketplace. The Billing Center's AWS SDK client talks to
            this address (AWS JSON 1.1 protocol: ResolveCustomer, BatchMeterUsage, GetEntitlements).</p>
            <ul>
              <li><code>POST api/buyers</code> with <code>{"awsAccountId": "123456789012"}</code>
                  creates a buyer and a registration token.</li>
              <li><code>POST api/buyers/{awsAccountId}/tokens</code> gives a fresh token.</li>
              <li><code>PUT api/buyers/{awsAccountId}/entitlements</code> with
                  <code>[{"dimension": "users", "value": 10, "expirationDate":
                  "2027-12-31T00:00:00Z"}]</code> sets a contract's entitlements.</li>
              <li><code>POST api/buyers/{awsAccountId}/unsubscribe</code> unsubscribes a buyer
                  (EventBridge events to the seller; SNS for a legacy buyer);
                  <code>POST api/buyers/{awsAccountId}/subscribe-fail</code> sends SNS
                  <code>subscribe-fail</code>.</li>
              <li><a href="your-software">Your Marketplace Software</a>: Manage, Unsubscribe.</li>
              <li><code>GET api/metering</code> lists the usage records received.</li>
              <li><a href="listing">The product's listing</a>: Continue to Subscribe, Subscribe,
                  Set up your account (posts a token to the Billing Center's fulfillment URL).</li>
              <li><a href="health">health</a></li>
            </ul>
            </main></body></html>
            """);
  }
}
