package com.billingcenter.marketplace.aws.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.cloudaccount.entity.Entitlement;
import com.billingcenter.cloudaccount.entity.ResolvedBuyer;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.control.MeteredUsage;
import com.billingcenter.marketplace.control.MeteringResult;
import com.billingcenter.platform.control.JsonText;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite's API part: the real SDK client of {@link AwsMarketplace} against a local
 * stand-in that answers in the shapes of the AWS Marketplace API reference (files under {@code
 * src/test/resources/aws-documented/api}, each naming its page) and checks every request against
 * the rules those pages state. A request that breaks one is recorded and fails the test.
 */
class AwsApiConformanceTest {

  private static final String PRODUCT = "aw4fgf5tyo5w2ap6fEXAMPLE";
  private static final String ACCOUNT = "845735284135";
  private static final String LICENSE =
      "arn:aws:license-manager::845735284135:license:l-e52ca6f38bf84d0fafb8802ca15ac11x";

  /** GetEntitlements' filter names (API reference, GetEntitlements, Filter). */
  private static final Set<String> FILTERS =
      Set.of("CUSTOMER_IDENTIFIER", "DIMENSION", "CUSTOMER_AWS_ACCOUNT_ID", "LICENSE_ARN");

  private HttpServer server;
  private AwsMarketplace aws;
  private final List<String> broken = new CopyOnWriteArrayList<>();
  private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
  private String resolveAnswer = "resolve-customer.json";

  /** When set, BatchMeterUsage answers this AWS error (JSON 1.1 {@code __type}) and status. */
  private String meterError;

  private int meterErrorStatus;

  static JsonObject documented(String file) {
    try (InputStream in =
        AwsApiConformanceTest.class.getResourceAsStream("/aws-documented/api/" + file)) {
      assertNotNull(in, file);
      JsonObject json = JsonText.PROVIDER.createReader(in).readObject();
      assertTrue(json.getString("source").startsWith("https://docs.aws.amazon.com/"), file);
      return json;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    aws =
        new AwsMarketplace(
            new AwsMarketplaceSettings(
                "us-east-1",
                PRODUCT,
                Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())),
                Optional.of("AKIAEXAMPLE"),
                Optional.of("example-secret")));
  }

  @AfterEach
  void stop() {
    aws.close();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    JsonObject request;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      if (body.length >= 1024 * 1024) {
        broken.add(target + ": the request is 1 MB or more");
      }
      request = JsonText.PROVIDER.createReader(new java.io.ByteArrayInputStream(body)).readObject();
    }
    requests.add(request);
    if (meterError != null && "AWSMPMeteringService.BatchMeterUsage".equals(target)) {
      byte[] error =
          ("{\"__type\":\"" + meterError + "\",\"message\":\"as documented\"}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(meterErrorStatus, error.length);
      exchange.getResponseBody().write(error);
      exchange.close();
      return;
    }
    JsonValue response =
        switch (target) {
          case "AWSMPMeteringService.ResolveCustomer" -> resolveCustomer(request);
          case "AWSMPMeteringService.BatchMeterUsage" -> batchMeterUsage(request);
          case "AWSMPEntitlementService.GetEntitlements" -> getEntitlements(request);
          default -> {
            broken.add("unknown operation " + target);
            yield JsonValue.EMPTY_JSON_OBJECT;
          }
        };
    byte[] bytes = response.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private JsonValue resolveCustomer(JsonObject request) {
    if (!(request.get("RegistrationToken") instanceof JsonString token)
        || token.getString().isEmpty()) {
      broken.add("ResolveCustomer: RegistrationToken is required");
    }
    return documented(resolveAnswer).getJsonObject("response");
  }

  /** BatchMeterUsage and UsageRecord, as the API reference states them. */
  private JsonValue batchMeterUsage(JsonObject request) {
    JsonArray records = request.getJsonArray("UsageRecords");
    if (records == null || records.isEmpty() || records.size() > 25) {
      broken.add("BatchMeterUsage: UsageRecords holds 1 to 25 records");
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    boolean byLicense = false;
    boolean byCustomer = false;
    for (JsonObject record : records.getValuesAs(JsonObject.class)) {
      boolean account = record.containsKey("CustomerAWSAccountId");
      boolean customer = record.containsKey("CustomerIdentifier");
      if (account == customer) {
        broken.add("UsageRecord: CustomerIdentifier or CustomerAWSAccountId, not both or neither");
      }
      if (record.containsKey("LicenseArn") && !account) {
        broken.add("UsageRecord: LicenseArn goes with CustomerAWSAccountId");
      }
      byLicense |= record.containsKey("LicenseArn");
      byCustomer |= customer;
      if (!(record.get("Timestamp") instanceof JsonNumber)) {
        broken.add("UsageRecord: Timestamp is required");
      }
      if (!(record.get("Dimension") instanceof JsonString d)
          || d.getString().isEmpty()
          || d.getString().length() > 255) {
        broken.add("UsageRecord: Dimension has 1 to 255 characters");
      }
      if (!(record.get("Quantity") instanceof JsonNumber q)
          || !q.isIntegral()
          || q.longValue() < 0) {
        broken.add("UsageRecord: Quantity is a whole number from 0");
      }
    }
    if (byLicense && request.containsKey("ProductCode")) {
      broken.add("BatchMeterUsage: no ProductCode with LicenseArn records (double billing)");
    }
    if (byCustomer && !request.containsKey("ProductCode")) {
      broken.add("BatchMeterUsage: CustomerIdentifier records need the ProductCode");
    }
    JsonArray statuses = documented("batch-meter-usage-statuses.json").getJsonArray("statuses");
    JsonArrayBuilder results = JsonText.PROVIDER.createArrayBuilder();
    JsonArrayBuilder unprocessed = JsonText.PROVIDER.createArrayBuilder();
    for (int i = 0; i < records.size(); i++) {
      String status = statuses.getString(i % statuses.size());
      if (status.equals("Unprocessed")) {
        unprocessed.add(records.get(i));
      } else {
        var result =
            JsonText.PROVIDER
                .createObjectBuilder()
                .add("UsageRecord", records.get(i))
                .add("Status", status);
        if (!status.equals("CustomerNotSubscribed")) {
          result.add("MeteringRecordId", "record-" + i);
        }
        results.add(result);
      }
    }
    return JsonText.PROVIDER
        .createObjectBuilder()
        .add("Results", results)
        .add("UnprocessedRecords", unprocessed)
        .build();
  }

  private JsonValue getEntitlements(JsonObject request) {
    if (!PRODUCT.equals(request.getString("ProductCode", null))) {
      broken.add("GetEntitlements: ProductCode is required");
    }
    if (request.get("Filter") instanceof JsonObject filter) {
      for (String name : filter.keySet()) {
        if (!FILTERS.contains(name)) {
          broken.add("GetEntitlements: no filter " + name);
        }
      }
    }
    if (request.get("MaxResults") instanceof JsonNumber max
        && (max.intValue() < 1 || max.intValue() > 25)) {
      broken.add("GetEntitlements: MaxResults is 1 to 25");
    }
    JsonArray pages = documented("get-entitlements-pages.json").getJsonArray("pages");
    String token = request.getString("NextToken", null);
    int page = token == null ? 0 : Integer.parseInt(token.substring("page-".length())) - 1;
    return pages.get(page);
  }

  @Test
  void aNewIntegrationsBuyerIsKnownByLicenseWithoutACustomerIdentifier() {
    ResolvedBuyer buyer = aws.resolveRegistration("documented-token");
    assertEquals(ACCOUNT, buyer.accountId());
    assertEquals(LICENSE, buyer.license().reference());
    assertEquals("l-e52ca6f38bf84d0fafb8802ca15ac11x", buyer.license().key());
    assertFalse(
        buyer.license().legacy(), "CustomerIdentifier is not populated for new integrations");
    resolveAnswer = "resolve-customer-legacy.json";
    ResolvedBuyer legacy = aws.resolveRegistration("documented-token");
    assertTrue(legacy.license().legacy());
    assertEquals("Ex4mpleCust0mer", legacy.license().reference());
    assertEquals("customer:Ex4mpleCust0mer", legacy.license().key());
    assertEquals(List.of(), broken);
  }

  @Test
  void meteringCallsKeepTheDocumentedRulesAndEveryStatusIsRead() {
    Instant hour = Instant.parse("2026-12-01T10:00:00Z");
    List<MeteredUsage> byLicense = new ArrayList<>();
    for (String dimension : new String[] {"DataPoints", "LogVolume", "Traces", "SyntheticTests"}) {
      byLicense.add(new MeteredUsage(ACCOUNT, AwsLicenses.of(LICENSE, null), dimension, hour, 3));
    }
    List<MeteringResult> results = aws.meter(byLicense);
    assertEquals(
        List.of(
            MeteringResult.Status.SUCCESS,
            MeteringResult.Status.CUSTOMER_NOT_SUBSCRIBED,
            MeteringResult.Status.DUPLICATE_RECORD,
            MeteringResult.Status.UNPROCESSED),
        results.stream().map(MeteringResult::status).toList());
    assertEquals("record-0", results.get(0).meteringRecordId());
    assertEquals("DataPoints", results.get(0).usage().dimension());
    JsonObject sent = requests.get(requests.size() - 1);
    assertTrue(!sent.containsKey("ProductCode"), sent.toString());
    assertEquals(
        LICENSE, sent.getJsonArray("UsageRecords").getJsonObject(0).getString("LicenseArn"));

    List<MeteringResult> legacy =
        aws.meter(
            List.of(
                new MeteredUsage(
                    null, AwsLicenses.of(null, "Ex4mpleCust0mer"), "Traces", hour, 0)));
    assertEquals(MeteringResult.Status.SUCCESS, legacy.get(0).status());
    assertEquals(PRODUCT, requests.get(requests.size() - 1).getString("ProductCode"));
    assertEquals(List.of(), broken);
  }

  /**
   * Which whole-call errors are final. BatchMeterUsage's own errors that name an invalid record are
   * (API reference, BatchMeterUsage, Errors), and Sending then isolates the record; the errors
   * every AWS API may answer (API reference, Common Errors: expired or unknown credentials, a
   * missing permission, a request more than 15 minutes off the clock) and unknown ones pass, so the
   * records stay pending instead of being refused for good.
   */
  @Test
  void onlyErrorsThatNameAnInvalidRecordAreFinal() {
    List<MeteredUsage> usage =
        List.of(
            new MeteredUsage(
                ACCOUNT,
                AwsLicenses.of(LICENSE, null),
                "DataPoints",
                Instant.parse("2026-12-01T10:00:00Z"),
                1));
    Map<String, Integer> passing =
        Map.of(
            "ExpiredTokenException", 403,
            "AccessDeniedException", 400,
            "InvalidClientTokenId", 403,
            "UnrecognizedClientException", 400,
            "InvalidSignatureException", 400,
            "RequestExpired", 400,
            "DisabledApiException", 400,
            "SomethingNewException", 400);
    for (Map.Entry<String, Integer> error : passing.entrySet()) {
      meterError = error.getKey();
      meterErrorStatus = error.getValue();
      MarketplaceException e = assertThrows(MarketplaceException.class, () -> aws.meter(usage));
      assertEquals(MarketplaceException.Reason.UNAVAILABLE, e.reason(), error.getKey());
    }
    for (String invalid : AwsErrors.INVALID_RECORD_ERRORS) {
      meterError = invalid;
      meterErrorStatus = 400;
      MarketplaceException e = assertThrows(MarketplaceException.class, () -> aws.meter(usage));
      assertEquals(MarketplaceException.Reason.REFUSED, e.reason(), invalid);
      assertTrue(e.getMessage().contains(invalid), e.getMessage());
    }
  }

  @Test
  void entitlementsAreAskedByLicenseAndEveryPageIsRead() {
    List<Entitlement> entitlements =
        aws.entitlements(new ResolvedBuyer("aws", ACCOUNT, AwsLicenses.of(LICENSE, null), PRODUCT));
    assertEquals(
        List.of("users=10", "sso=true"),
        entitlements.stream().map(e -> e.dimension() + "=" + e.value()).toList(),
        "past the empty page; another license of the same account left out");
    assertEquals(Instant.ofEpochSecond(1798675200), entitlements.get(0).expiresAt());
    JsonObject first = requests.get(0);
    assertEquals(
        List.of(LICENSE),
        first
            .getJsonObject("Filter")
            .getJsonArray("LICENSE_ARN")
            .getValuesAs(JsonString.class)
            .stream()
            .map(JsonString::getString)
            .toList());
    assertEquals(3, requests.size(), "three pages");
    assertEquals(List.of(), broken);
  }
}
