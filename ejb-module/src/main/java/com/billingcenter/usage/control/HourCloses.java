package com.billingcenter.usage.control;

import com.billingcenter.platform.entity.UtcTimes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where intake and metering agree on when an hour's usage closes, whichever instances they run on.
 * Intake of an hour and the metering read of that hour never interleave: an intake transaction
 * holds its hours open (a shared lock) until it ends, and metering's read of an hour waits for
 * those transactions and keeps new ones out (an exclusive lock) until its own ends. Both take the
 * time from one clock, the database's, after the lock: a record taken before the read is in it, a
 * record taken after it is late (and carried to a later hour). On PostgreSQL the locks are
 * transaction-level advisory locks, one per hour, valid across instances; on H2 (embedded: one
 * instance) a lock of this JVM held until the transaction completes.
 */
@ApplicationScoped
public class HourCloses {

  /** The advisory locks' class, so that they meet no other lock of the database ("USAG"). */
  static final int LOCK_CLASS = 0x55534147;

  @Inject Clock clock;

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * Whether the time comes from PostgreSQL's clock ({@code clock_timestamp()}): true in every
   * deployment, so that instances whose clocks differ by seconds still agree; tests that move this
   * instance's clock turn it off.
   */
  @Inject
  @ConfigProperty(name = "billing.time.database-clock", defaultValue = "true")
  boolean databaseClock;

  /**
   * How long H2's lock is waited for before the call fails (a batch or a metering run taking longer
   * is broken; the site sends the batch again, the next run writes the hour).
   */
  static final Duration WAIT = Duration.ofSeconds(30);

  private final StampedLock embedded = new StampedLock();

  /**
   * For intake: holds these hours open until the caller's transaction ends and returns the time, by
   * which each record is on time or late.
   */
  public Instant holdOpen(Connection connection, boolean postgres, Collection<Instant> hours)
      throws SQLException {
    if (postgres) {
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT pg_advisory_xact_lock_shared(?, ?)")) {
        for (Instant hour : new TreeSet<>(hours)) {
          lock.setInt(1, LOCK_CLASS);
          lock.setInt(2, key(hour));
          lock.executeQuery().close();
        }
      }
    } else if (!hours.isEmpty() && inTransaction()) {
      long stamp = acquire(false);
      whenTransactionEnds(() -> embedded.unlockRead(stamp));
    }
    return now(connection, postgres);
  }

  /**
   * For metering: waits until no intake of {@code hour} is going on and keeps new ones out until
   * the caller's transaction ends.
   */
  public void close(Connection connection, boolean postgres, Instant hour) throws SQLException {
    if (postgres) {
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
        lock.setInt(1, LOCK_CLASS);
        lock.setInt(2, key(hour));
        lock.executeQuery().close();
      }
    } else if (inTransaction()) {
      long stamp = acquire(true);
      whenTransactionEnds(() -> embedded.unlockWrite(stamp));
    }
  }

  /** The time: the database's on PostgreSQL (see {@link #databaseClock}), this instance's else. */
  public Instant now(Connection connection, boolean postgres) throws SQLException {
    if (!postgres || !databaseClock) {
      return clock.instant();
    }
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT CAST(clock_timestamp() AT TIME ZONE 'UTC' AS timestamp)");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return UtcTimes.read(rows, 1);
    }
  }

  private long acquire(boolean exclusive) throws SQLException {
    try {
      long stamp =
          exclusive
              ? embedded.tryWriteLock(WAIT.toMillis(), TimeUnit.MILLISECONDS)
              : embedded.tryReadLock(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (stamp == 0) {
        throw new SQLException("The hour's close stayed locked for " + WAIT + "; try again.");
      }
      return stamp;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for the hour's close", e);
    }
  }

  /** An hour's lock key: hours since 1970, which fit an int until the year 246,953. */
  static int key(Instant hour) {
    return Math.toIntExact(hour.truncatedTo(ChronoUnit.HOURS).getEpochSecond() / 3600);
  }

  private boolean inTransaction() {
    return transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
  }

  private void whenTransactionEnds(Runnable release) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            release.run();
          }
        });
  }
}
