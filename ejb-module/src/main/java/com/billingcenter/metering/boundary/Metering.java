package com.billingcenter.metering.boundary;

import com.billingcenter.marketplace.control.Marketplaces;
import com.billingcenter.metering.control.DueHours;
import com.billingcenter.metering.control.MeteringRuns;
import com.billingcenter.metering.control.MeteringStore;
import com.billingcenter.metering.control.RatePace;
import com.billingcenter.metering.control.Sending;
import com.billingcenter.metering.entity.MeteringHours;
import com.billingcenter.metering.entity.MeteringRun;
import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.usage.control.BillingItems;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hourly metering of AWS-settled usage, exactly once across restarts and instances. Every instance
 * runs it each minute (a non-persistent schedule: persistent timers do not survive failover on
 * Payara Micro); a lease row in the database lets one of them work at a time. A run first writes
 * the records of every hour that is due, oldest first (catching up whatever was missed), then sends
 * what is pending. A record's quantity is fixed when it is written (its key is unique), so that a
 * crash at any point, or a second instance that takes over, sends the very same record again, which
 * AWS answers as the same success; nothing is sent twice with different quantities and no hour is
 * skipped.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Metering {

  private static final Logger LOG = Logger.getLogger(Metering.class.getName());

  /**
   * Records read and sent per pass of the sending step (20 calls): the answers are kept after each
   * pass, so an instance that dies mid-run leaves at most this many to be sent again.
   */
  static final int SEND_PAGE = 500;

  /** Passes of the sending step in one run. */
  static final int MAX_SEND_PASSES = 1000;

  /** This instance, as the lease names its holder. */
  private final String holder =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  private final AtomicBoolean running = new AtomicBoolean();

  @Inject MeteringStore store;
  @Inject MeteringRuns runs;
  @Inject BillingItems items;
  @Inject Clock clock;

  @Inject Marketplaces marketplaces;
  @Inject NotSubscribedLicenses notSubscribed;

  /**
   * Threads of the container's for the calls to the marketplace, {@link Sending#PARALLEL_CALLS} at
   * a time (the default managed executor runs two at once, whatever is queued).
   */
  @Resource ManagedThreadFactory threads;

  private ExecutorService executor;

  @PostConstruct
  void startThreads() {
    executor = Executors.newFixedThreadPool(Sending.PARALLEL_CALLS, threads);
  }

  @PreDestroy
  void stopThreads() {
    executor.shutdownNow();
  }

  @Inject
  @ConfigProperty(name = "billing.metering.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "billing.usage.accept-for", defaultValue = "PT15M")
  Duration acceptFor;

  @Inject
  @ConfigProperty(name = "billing.metering.flush-margin", defaultValue = "PT10M")
  Duration flushMargin;

  @Inject
  @ConfigProperty(name = "billing.metering.max-lateness", defaultValue = "PT24H")
  Duration maxLateness;

  @Inject
  @ConfigProperty(name = "billing.metering.calls-per-second", defaultValue = "10")
  double callsPerSecond;

  @Inject
  @ConfigProperty(name = "billing.metering.max-attempts", defaultValue = "5")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "billing.metering.backoff", defaultValue = "PT0.2S")
  Duration backoff;

  @Inject
  @ConfigProperty(name = "billing.metering.lease", defaultValue = "PT2M")
  Duration lease;

  @Schedule(hour = "*", minute = "*", second = "7", persistent = false)
  void everyMinute() {
    if (enabled) {
      try {
        run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "The metering run failed; the next one goes on from here.", e);
      }
    }
  }

  /** This instance's name in the lease and the runs. */
  public String holder() {
    return holder;
  }

  /**
   * One run: writes the due hours and sends what is pending. Returns the run, or null when another
   * run is going on (here, or on the instance that holds the lease).
   */
  public MeteringRun run() {
    if (!running.compareAndSet(false, true)) {
      return null;
    }
    try {
      Instant started = clock.instant();
      if (!store.acquire(holder, started, lease)) {
        return null;
      }
      MeteringRun run = runs.save(MeteringRun.started(holder, started));
      try {
        return finish(run, work(run));
      } catch (RuntimeException | InterruptedException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        run.finish(MeteringRun.Outcome.FAILED, store.countPending(), e.toString(), clock.instant());
        runs.save(run);
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      } finally {
        store.release(holder);
      }
    } finally {
      running.set(false);
    }
  }

  private MeteringRun finish(MeteringRun run, MeteringRun.Outcome outcome) {
    int pending = store.countPending();
    if (outcome == MeteringRun.Outcome.DONE && pending > 0) {
      outcome = MeteringRun.Outcome.PARTIAL;
    }
    run.finish(outcome, pending, null, clock.instant());
    MeteringRun saved = runs.save(run);
    LOG.info(
        () ->
            "Metering run "
                + saved.id()
                + ": "
                + saved.outcome()
                + ", hours "
                + saved.hoursComputed()
                + ", written "
                + saved.recordsWritten()
                + ", sent "
                + saved.recordsSent()
                + ", flagged "
                + saved.recordsFlagged()
                + ", pending "
                + saved.recordsPending()
                + ", calls "
                + saved.calls());
    return saved;
  }

  /** A run's work: the due hours written, then what is pending sent. */
  private MeteringRun.Outcome work(MeteringRun run) throws InterruptedException {
    // The clock intake decides lateness by (the database's on PostgreSQL).
    Instant now = store.now();
    MeteringRun.Outcome written =
        writeDueHours(run, DueHours.of(store.accounts(), now, rules()), now);
    return written == MeteringRun.Outcome.DONE ? sendPending(run) : written;
  }

  private MeteringHours.Rules rules() {
    return new MeteringHours.Rules(acceptFor, flushMargin);
  }

  /** Writes the records of the due hours, a chunk of accounts at a time, under the lease. */
  private MeteringRun.Outcome writeDueHours(MeteringRun run, DueHours due, Instant now) {
    long startedNanos = System.nanoTime();
    for (Map.Entry<Instant, List<Long>> hour : due.byHour().entrySet()) {
      List<Long> accounts = hour.getValue();
      int written = 0;
      for (int from = 0; from < accounts.size(); from += MeteringStore.ACCOUNTS_PER_CHUNK) {
        if (!store.acquire(holder, clock.instant(), lease)) {
          return MeteringRun.Outcome.LEASE_LOST;
        }
        written +=
            store.writeHour(
                hour.getKey(),
                accounts.subList(
                    from, Math.min(accounts.size(), from + MeteringStore.ACCOUNTS_PER_CHUNK)),
                due.flushes().getOrDefault(hour.getKey(), Set.of()),
                items.all(),
                now,
                maxLateness);
      }
      run.add(1, written, 0, 0, 0);
    }
    runs.save(run);
    if (run.recordsWritten() > 0) {
      LOG.info(
          () ->
              "Metering run "
                  + run.id()
                  + ": "
                  + run.recordsWritten()
                  + " records written for "
                  + due.byHour().size()
                  + " hour(s) in "
                  + (System.nanoTime() - startedNanos) / 1_000_000
                  + " ms");
    }
    return MeteringRun.Outcome.DONE;
  }

  /**
   * Sends what is pending, a page at a time under the lease, keeping the answers after each page;
   * stops when nothing is pending or nothing went through (AWS unavailable: the next run tries
   * again).
   */
  private MeteringRun.Outcome sendPending(MeteringRun run) throws InterruptedException {
    Sending sending =
        new Sending(
            marketplaces::of,
            new RatePace(callsPerSecond),
            Thread::sleep,
            maxAttempts,
            backoff.toMillis());
    for (int pass = 0; pass < MAX_SEND_PASSES; pass++) {
      if (!store.acquire(holder, clock.instant(), lease)) {
        return MeteringRun.Outcome.LEASE_LOST;
      }
      List<MeteringStore.Pending> pending = store.pending(SEND_PAGE, clock.instant(), maxLateness);
      if (pending.isEmpty()) {
        break;
      }
      int callsBefore = sending.calls();
      List<MeteringStore.Answer> answers = sending.send(pending, executor);
      store.record(answers, clock.instant());
      notSubscribed.end(pending, answers);
      long unanswered = answers.stream().filter(a -> a.state() == MeteringState.PENDING).count();
      long flagged = answers.stream().filter(a -> a.state().flagged()).count();
      run.add(
          0,
          0,
          (int) (answers.size() - unanswered - flagged),
          (int) flagged,
          sending.calls() - callsBefore);
      runs.save(run);
      if (unanswered == answers.size()) {
        break;
      }
    }
    return MeteringRun.Outcome.DONE;
  }
}
