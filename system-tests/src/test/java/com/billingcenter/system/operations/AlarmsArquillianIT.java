package com.billingcenter.system.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.metering.control.MeteringStore;
import com.billingcenter.operations.boundary.Alarms;
import com.billingcenter.operations.control.Gauge;
import com.billingcenter.operations.control.Gauges;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.system.support.AwsBuyers;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.Shared;
import com.billingcenter.system.support.SmtpSink;
import com.billingcenter.usage.control.BillingItems;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The operators' gauges move with what they count, and an alarm is mailed once when its gauge
 * passes the threshold and once when it is back (this instance's mail server is a sink opened here,
 * on the port {@code arquillian.xml} gives it; the schedule is off on test servers, so only this
 * test changes the alarms). No metering run may send the held-back records meanwhile.
 */
@ResourceLock(Shared.METERING_RUNS)
class AlarmsArquillianIT extends ContainerTest {

  @Inject AwsBuyers buyers;
  @Inject MeteringStore store;
  @Inject BillingItems items;
  @Inject Gauges gauges;
  @Inject Alarms alarms;
  @Inject com.billingcenter.operations.boundary.OperationsOverview overview;

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  private static long value(List<Gauge> reading, String name) {
    return reading.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().value();
  }

  @Test
  void recordsHeldBackPastHalfOfAwsWindowMoveTheGauges() throws Exception {
    Instant now = clock.instant();
    Instant hour = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(13));
    clock.set(hour.minus(Duration.ofMinutes(10)));
    AwsBuyers.Buyer buyer = buyers.settled("held-back-", null);
    buyers.used(buyer, hour, 7);
    clock.set(now);
    List<Gauge> before = gauges.readNow();

    // The hour is written (the outbox), and nothing sends it: held back.
    int written =
        store.writeHour(
            hour,
            List.of(buyer.cloudAccountId()),
            Set.of(),
            items.all(),
            now,
            Duration.ofHours(24));
    assertTrue(written > 0, "the hour's records were written");
    List<Gauge> held = gauges.readNow();
    assertEquals(
        value(before, Gauges.PAST_HALF_WINDOW) + written,
        value(held, Gauges.PAST_HALF_WINDOW),
        held.toString());
    assertTrue(
        value(held, Gauges.OLDEST_PENDING) >= Duration.ofHours(13).toSeconds(), held.toString());
    assertTrue(
        held.stream().anyMatch(g -> g.name().equals(Gauges.OLDEST_PENDING) && g.alarming()),
        "13 hours is past the 2-hour default: " + held);
    // The console's Metering page counts them as pending, in their hour and partition.
    assertTrue(
        overview.metering().stream()
            .anyMatch(
                m ->
                    m.hour().equals(hour) && m.partition().equals("aws") && m.pending() >= written),
        overview.metering().toString());

    // Sent at last: the gauge is back where it was.
    Sql.update(
        dataSource,
        "mark the records sent",
        "UPDATE metering_record SET state = 'SENT' WHERE cloud_account_id = ?",
        buyer.cloudAccountId());
    assertEquals(
        value(before, Gauges.PAST_HALF_WINDOW), value(gauges.readNow(), Gauges.PAST_HALF_WINDOW));
  }

  @Test
  void anAlarmIsMailedOnceWhenRaisedAndOnceWhenCleared() throws Exception {
    int port = ConfigProvider.getConfig().getValue("billing.mail.smtp.port", Integer.class);
    String name = Gauges.BILLS_OVERDUE;
    Instant raisedAt = Instant.parse("2026-11-05T09:00:00Z");
    try (SmtpSink sink = new SmtpSink(port)) {
      alarms.check(List.of(new Gauge(name, "bills not final", 0, 0)));
      int earlier = sink.messages().size();

      clock.set(raisedAt);
      List<Alarms.Change> raised = alarms.check(List.of(new Gauge(name, "bills not final", 3, 0)));
      assertEquals(List.of(new Alarms.Change(name, true, 3, 0, true)), raised);
      List<String> mails = sink.messages();
      assertEquals(earlier + 1, mails.size(), mails.toString());
      String mail = mails.get(mails.size() - 1);
      assertTrue(mail.toLowerCase().contains("to: operators@example.org"), mail);
      assertTrue(mail.contains("Alarm: bills not final"), mail);
      assertTrue(mail.contains(name + " = 3"), mail);
      assertEquals(
          raisedAt,
          Sql.first(
                  dataSource,
                  "the alarm",
                  "SELECT raised_at FROM operator_alarm WHERE name = ?",
                  row -> com.billingcenter.platform.entity.UtcTimes.read(row, 1),
                  name)
              .orElseThrow());

      clock.set(raisedAt.plus(Duration.ofMinutes(1)));
      assertEquals(
          List.of(), alarms.check(List.of(new Gauge(name, "bills not final", 5, 0))), "once");
      assertEquals(earlier + 1, sink.messages().size());

      clock.set(raisedAt.plus(Duration.ofMinutes(2)));
      List<Alarms.Change> cleared = alarms.check(List.of(new Gauge(name, "bills not final", 0, 0)));
      assertEquals(List.of(new Alarms.Change(name, false, 0, 0, true)), cleared);
      assertEquals(earlier + 2, sink.messages().size());
      assertTrue(sink.messages().get(earlier + 1).contains("Cleared: bills not final"));

      assertEquals(List.of(), alarms.check(List.of(new Gauge(name, "bills not final", 0, 0))));
      assertEquals(earlier + 2, sink.messages().size(), "cleared once");
    }
  }
}
