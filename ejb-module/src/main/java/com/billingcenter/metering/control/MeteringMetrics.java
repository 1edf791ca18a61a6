package com.billingcenter.metering.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Metering's metric on {@code /metrics}: {@code billing_metering_waiting_records}, the records
 * waiting to be sent for over an hour ({@link MeteringBacklog}); alert on it above 0 (-1: the
 * database did not answer).
 */
@ApplicationScoped
public class MeteringMetrics {

  static final String WAITING = "billing.metering.waiting.records";

  @Inject MetricRegistry registry;
  @Inject MeteringBacklog backlog;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.gauge(
        Metadata.builder()
            .withName(WAITING)
            .withDescription(
                "Metering records waiting to be sent to the marketplace for longer than"
                    + " billing.metering.waiting-alert (default an hour)")
            .build(),
        backlog,
        MeteringMetrics::waitingRecords);
  }

  /** The count, or -1 while the database cannot say. */
  static Long waitingRecords(MeteringBacklog backlog) {
    try {
      return backlog.waiting().records();
    } catch (RuntimeException e) {
      return -1L;
    }
  }
}
