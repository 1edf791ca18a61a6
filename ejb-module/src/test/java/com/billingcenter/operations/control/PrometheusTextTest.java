package com.billingcenter.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Prometheus's text exposition format, version 0.0.4 ("Exposition formats", prometheus.io). */
class PrometheusTextTest {

  @Test
  void eachGaugeHasItsHelpTypeAndSample() {
    assertEquals(
        "# HELP billing_a Records waiting\n"
            + "# TYPE billing_a gauge\n"
            + "billing_a 3\n"
            + "# HELP billing_b Bills\n"
            + "# TYPE billing_b gauge\n"
            + "billing_b 0\n",
        PrometheusText.of(
            List.of(
                new Gauge("billing_a", "Records waiting", 3, 0),
                new Gauge("billing_b", "Bills", 0, 0))));
  }

  @Test
  void aHelpTextCannotBreakTheFormat() {
    assertEquals("a\\\\b\\nc", PrometheusText.escape("a\\b\nc"));
  }

  @Test
  void aGaugeAlarmsOnlyAboveItsThreshold() {
    assertFalse(new Gauge("g", "h", 2, 2).alarming());
    assertTrue(new Gauge("g", "h", 3, 2).alarming());
  }
}
