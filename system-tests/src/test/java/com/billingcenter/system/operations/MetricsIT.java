package com.billingcenter.system.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} as Prometheus scrapes it: the business gauges in its text format, for the
 * operators' key only (as {@code X-Operator-Key} or a Bearer token); nobody else learns a count.
 */
class MetricsIT {

  private static final List<String> GAUGES =
      List.of(
          "billing_metering_oldest_pending_age_seconds",
          "billing_metering_records_past_half_window",
          "billing_metering_too_late_records_last_day",
          "billing_lifecycle_events_waiting_over_an_hour",
          "billing_bills_not_final_a_day_after_close",
          "billing_mails_failed_last_day");

  private final BillingCenterServer server = BillingCenterServer.shared();

  private HttpResponse<String> metrics(String header, String value) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/metrics")).GET();
    if (header != null) {
      request.header(header, value);
    }
    return Http.send(request);
  }

  @Test
  void theGaugesAreServedInPrometheusTextToTheOperatorsKey() {
    for (HttpResponse<String> answer :
        List.of(
            metrics("X-Operator-Key", BillingCenterServer.OPERATOR_KEY),
            metrics("Authorization", "Bearer " + BillingCenterServer.OPERATOR_KEY))) {
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(
          answer.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
          answer.headers().toString());
      for (String gauge : GAUGES) {
        assertTrue(answer.body().contains("# TYPE " + gauge + " gauge\n"), answer.body());
        assertTrue(
            Pattern.compile("(?m)^" + gauge + " \\d+$").matcher(answer.body()).find(),
            answer.body());
      }
    }
  }

  @Test
  void nobodyElseReadsThem() {
    for (HttpResponse<String> answer :
        List.of(
            metrics(null, null),
            metrics("X-Operator-Key", "not-the-operators-key-0123"),
            metrics("Authorization", "Bearer not-the-operators-key-0123"),
            metrics("Authorization", Http.basic("someone", "password")))) {
      assertEquals(401, answer.statusCode(), answer.body());
      assertTrue(!answer.body().contains("billing_"), answer.body());
      assertEquals(
          "Bearer realm=\"metrics\"",
          answer.headers().firstValue("WWW-Authenticate").orElse(null),
          "Prometheus is told how to authenticate");
      assertTrue(answer.body().startsWith("The operators' key is needed"), answer.body());
    }
  }
}
