package com.billingcenter.marketplace.aws.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.entity.AgreementTerms;
import com.billingcenter.marketplace.entity.AgreementTerms.PricingModel;
import com.billingcenter.platform.control.JsonText;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite's Agreement API part: the real SDK client of {@link AwsMarketplace} against
 * a local stand-in that answers DescribeAgreement in the shape of its API reference page and
 * GetAgreementTerms with AWS's own mock answers from its reference code (files under {@code
 * src/test/resources/aws-documented/agreements}, each naming its source), two pages each, and
 * checks every request against the API reference (agreementId 1 to 64 of {@code [A-Za-z0-9_/-]};
 * maxResults 1 to 50; the token of the page before).
 */
class AwsAgreementsConformanceTest {

  private static final String AGREEMENT = "agmt-4mwg1nevbokzw95eca5797ixs";

  private HttpServer server;
  private AwsMarketplace aws;
  private final List<String> broken = new CopyOnWriteArrayList<>();
  private String termsFile;
  private String error;
  private int errorStatus;

  static JsonObject documented(String file) {
    try (InputStream in =
        AwsAgreementsConformanceTest.class.getResourceAsStream(
            "/aws-documented/agreements/" + file)) {
      assertNotNull(in, file);
      JsonObject json = JsonText.PROVIDER.createReader(in).readObject();
      String source = json.getString("source");
      assertTrue(
          source.startsWith("https://docs.aws.amazon.com/")
              || source.startsWith(
                  "https://github.com/aws-samples/aws-marketplace-reference-code/"),
          file);
      return json.getJsonObject("payload");
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
                "aw4fgf5tyo5w2ap6fEXAMPLE",
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
      request = JsonText.PROVIDER.createReader(in).readObject();
    }
    String id = request.getString("agreementId", "");
    if (!id.matches("[A-Za-z0-9_/-]{1,64}")) {
      broken.add(target + ": agreementId has 1 to 64 of [A-Za-z0-9_/-]");
    }
    int status = 200;
    JsonObject response;
    if (error != null) {
      status = errorStatus;
      response =
          JsonText.PROVIDER
              .createObjectBuilder()
              .add("__type", error)
              .add("message", "as documented")
              .build();
    } else if ("AWSMPCommerceService_v20200301.DescribeAgreement".equals(target)) {
      response = documented("describe-agreement.json");
    } else if ("AWSMPCommerceService_v20200301.GetAgreementTerms".equals(target)) {
      int max = request.getInt("maxResults", 0);
      if (max < 1 || max > 50) {
        broken.add("GetAgreementTerms: maxResults is 1 to 50");
      }
      JsonArray terms = documented(termsFile).getJsonArray("acceptedTerms");
      int half = (terms.size() + 1) / 2;
      boolean second = "page-2".equals(request.getString("nextToken", null));
      var page = JsonText.PROVIDER.createArrayBuilder();
      for (int i = second ? half : 0; i < (second ? terms.size() : half); i++) {
        page.add(onTheWire(terms.get(i)));
      }
      var builder = JsonText.PROVIDER.createObjectBuilder().add("acceptedTerms", page);
      if (!second) {
        builder.add("nextToken", "page-2");
      }
      response = builder.build();
    } else {
      broken.add("unknown operation " + target);
      response = JsonText.PROVIDER.createObjectBuilder().build();
    }
    byte[] bytes = response.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** The timestamps AWS's mocks print as boto3 shows them (ISO 8601). */
  private static final java.util.Set<String> TIMESTAMPS =
      java.util.Set.of("agreementStartDate", "agreementEndDate", "chargeDate");

  /**
   * A term as the wire carries it: the AWS JSON 1.0 protocol writes timestamps as epoch seconds
   * (the mocks are boto3's parsed answers, which print them as ISO 8601).
   */
  private static jakarta.json.JsonValue onTheWire(jakarta.json.JsonValue value) {
    if (value instanceof JsonObject object) {
      var copy = JsonText.PROVIDER.createObjectBuilder();
      object.forEach(
          (key, member) ->
              copy.add(
                  key,
                  TIMESTAMPS.contains(key) && member instanceof jakarta.json.JsonString text
                      ? JsonText.PROVIDER.createValue(
                          Instant.parse(text.getString()).getEpochSecond())
                      : onTheWire(member)));
      return copy.build();
    }
    if (value instanceof JsonArray array) {
      var copy = JsonText.PROVIDER.createArrayBuilder();
      array.forEach(member -> copy.add(onTheWire(member)));
      return copy.build();
    }
    return value;
  }

  @Test
  void everyTermTypeOfAwssMockIsReadAndTheUnknownOnePassedOver() {
    termsFile = "get-agreement-terms-pricing-each-dimension.json";
    AgreementTerms terms = aws.agreementTerms(AGREEMENT);
    assertEquals(List.of(), broken);
    // A free trial term is there: GetAgreementPricingType says free trial before anything else.
    assertEquals(PricingModel.FREE_TRIAL, terms.model());
    assertEquals("USD", terms.currency());
    assertEquals(
        Map.of(
            "m5.large", new BigDecimal("0.62233388"), "m5.8xlarge", new BigDecimal("0.00000001")),
        terms.usageRates());
    assertEquals(Map.of("Premium1", 1L, "Users", 10L), terms.purchased());
    assertEquals(Map.of("t2.medium", 1L), terms.trialGrants());
    assertEquals(Period.ofDays(30), terms.trialDuration());
    assertEquals(Instant.parse("2007-03-01T13:00:00Z"), terms.startsAt(), "the validity term's");
    assertEquals(Instant.parse("2020-03-01T13:00:00Z"), terms.endsAt());
    assertEquals(Boolean.FALSE, terms.autoRenew());
  }

  @Test
  void aContractsPurchasedDimensionsAreItsConfiguration() {
    termsFile = "get-agreement-terms-dimension-purchased.json";
    AgreementTerms terms = aws.agreementTerms(AGREEMENT);
    assertEquals(List.of(), broken);
    assertEquals(PricingModel.CONTRACT, terms.model());
    assertEquals(Map.of("AdminUsers", 1L), terms.purchased());
    assertEquals(Map.of(), terms.usageRates());
    assertEquals(Instant.ofEpochSecond(1_700_000_000L), terms.startsAt(), "DescribeAgreement's");
    assertEquals(
        new AgreementTerms.Described(
            "ACTIVE",
            "PurchaseAgreement",
            "845735284135",
            "offer-1234567890123",
            Instant.ofEpochSecond(1_700_000_000L)),
        terms.described(),
        "what DescribeAgreement says of the agreement itself");
  }

  @Test
  void upfrontWithUsageBasedIsAContractWithConsumption() {
    termsFile = "get-agreement-terms-auto-renewal.json";
    AgreementTerms terms = aws.agreementTerms(AGREEMENT);
    assertEquals(List.of(), broken);
    assertEquals(PricingModel.CONTRACT_WITH_CONSUMPTION, terms.model());
    assertEquals(Map.of("Node150Users", 1L), terms.purchased());
  }

  @Test
  void aRefusalIsFinalAndThrottlingMayPass() {
    termsFile = "get-agreement-terms-auto-renewal.json";
    error = "AccessDeniedException";
    errorStatus = 403;
    assertEquals(
        MarketplaceException.Reason.REFUSED,
        assertThrows(MarketplaceException.class, () -> aws.agreementTerms(AGREEMENT)).reason(),
        "a channel partner's agreement: we are not its proposer");
    error = "ThrottlingException";
    errorStatus = 400;
    assertEquals(
        MarketplaceException.Reason.UNAVAILABLE,
        assertThrows(MarketplaceException.class, () -> aws.agreementTerms(AGREEMENT)).reason());
  }
}
