package com.billingcenter.metering.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health}'s "metering" check: {@code state} DEGRADED while metering records have waited to
 * be sent for over an hour ({@link MeteringBacklog}), OK otherwise. MicroProfile Health knows only
 * UP and DOWN, and an instance whose records wait can still serve every page and take usage, so the
 * check stays UP (the answer stays 200) and says DEGRADED in its data; the same count is the metric
 * {@code billing_metering_waiting_records}. A database that does not answer is the database check's
 * to report.
 */
@Readiness
@ApplicationScoped
public class MeteringHealthCheck implements HealthCheck {

  @Inject MeteringBacklog backlog;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("metering").up();
    try {
      MeteringBacklog.Waiting waiting = backlog.waiting();
      response
          .withData("state", waiting.alerting() ? "DEGRADED" : "OK")
          .withData("waitingRecords", waiting.records())
          .withData("waitingLongerThan", waiting.alertAfter().toString());
      if (waiting.oldestSince() != null) {
        response.withData("oldestWaitingSince", waiting.oldestSince().toString());
      }
    } catch (RuntimeException e) {
      response.withData("state", "UNKNOWN").withData("error", e.getClass().getSimpleName());
    }
    return response.build();
  }
}
