package com.billingcenter.metering.control;

import com.billingcenter.marketplace.control.CloudMarketplace;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.control.MeteredUsage;
import com.billingcenter.marketplace.control.MeteringResult;
import com.billingcenter.metering.entity.MeteringState;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Sends metering records to their cloud accounts' marketplaces (by provider: for AWS, each
 * partition has its own) and turns the answers into record states: one product per call and at most
 * 25 records; calls paced by a shared {@link Pace}; throttling and the marketplace's own failures
 * retried with exponential backoff and jitter; a call refused as a whole split in halves until the
 * record it is refused for is found. What stays unanswered comes back as {@code PENDING}, to be
 * sent by a later pass.
 */
public class Sending {

  private static final Logger LOG = Logger.getLogger(Sending.class.getName());

  /** Calls made at once. */
  public static final int PARALLEL_CALLS = 8;

  /** Waits between calls so that at most a given number start per second. */
  public interface Pace {
    void await() throws InterruptedException;
  }

  /** Waits before a retry. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final java.util.function.Function<String, CloudMarketplace> marketplaces;
  private final Pace pace;
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final long baseBackoffMillis;
  private final Random jitter = new Random();
  private final AtomicInteger calls = new AtomicInteger();

  public Sending(
      java.util.function.Function<String, CloudMarketplace> marketplaces,
      Pace pace,
      Sleeper sleeper,
      int maxAttempts,
      long baseBackoffMillis) {
    this.marketplaces = marketplaces;
    this.pace = pace;
    this.sleeper = sleeper;
    this.maxAttempts = maxAttempts;
    this.baseBackoffMillis = baseBackoffMillis;
  }

  /** Calls made so far. */
  public int calls() {
    return calls.get();
  }

  /**
   * The records in calls of at most 25, each call for one marketplace, one product and of one kind:
   * records of current and of legacy licenses never share a call (for AWS only the latter's call
   * names the product: AWS Marketplace API reference, BatchMeterUsage).
   */
  public static List<List<MeteringStore.Pending>> calls(List<MeteringStore.Pending> records) {
    Map<String, List<MeteringStore.Pending>> byProduct = new LinkedHashMap<>();
    for (MeteringStore.Pending record : records) {
      String kind = record.license().legacy() ? "legacy" : "license";
      byProduct
          .computeIfAbsent(
              record.provider() + " " + kind + " " + record.productCode(), k -> new ArrayList<>())
          .add(record);
    }
    List<List<MeteringStore.Pending>> calls = new ArrayList<>();
    for (List<MeteringStore.Pending> product : byProduct.values()) {
      for (int from = 0; from < product.size(); from += CloudMarketplace.MAX_USAGE_PER_CALL) {
        calls.add(
            List.copyOf(
                product.subList(
                    from, Math.min(product.size(), from + CloudMarketplace.MAX_USAGE_PER_CALL))));
      }
    }
    return calls;
  }

  /** Sends every record, {@code PARALLEL_CALLS} calls at a time, and says what became of each. */
  public List<MeteringStore.Answer> send(
      List<MeteringStore.Pending> records, ExecutorService executor) throws InterruptedException {
    List<Future<List<MeteringStore.Answer>>> running = new ArrayList<>();
    for (List<MeteringStore.Pending> call : calls(records)) {
      running.add(executor.submit(() -> sendCall(call)));
    }
    List<MeteringStore.Answer> answers = new ArrayList<>();
    for (Future<List<MeteringStore.Answer>> future : running) {
      try {
        answers.addAll(future.get());
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("A metering call failed: " + e.getCause(), e.getCause());
      }
    }
    return answers;
  }

  /** One call's records, retried and split as needed. */
  List<MeteringStore.Answer> sendCall(List<MeteringStore.Pending> records)
      throws InterruptedException {
    List<MeteringStore.Answer> answers = new ArrayList<>();
    Map<MeteredUsage, MeteringStore.Pending> sent = new IdentityHashMap<>();
    List<MeteredUsage> usage = new ArrayList<>();
    for (MeteringStore.Pending record : records) {
      if (record.quantity() > Integer.MAX_VALUE) {
        answers.add(
            new MeteringStore.Answer(
                record.id(), MeteringState.REFUSED, null, null, "quantity above AWS's limit"));
        continue;
      }
      MeteredUsage u =
          new MeteredUsage(
              record.accountId(),
              record.license(),
              record.dimension(),
              record.hour(),
              (int) record.quantity(),
              record.allocations());
      sent.put(u, record);
      usage.add(u);
    }
    if (usage.isEmpty()) {
      return answers;
    }
    for (int attempt = 1; ; attempt++) {
      pace.await();
      calls.incrementAndGet();
      try {
        List<MeteringResult> results = marketplaces.apply(records.get(0).provider()).meter(usage);
        for (MeteringResult result : results) {
          MeteringStore.Pending record = sent.remove(result.usage());
          if (record != null) {
            answers.add(answerOf(record, result));
          }
        }
        for (MeteringStore.Pending unanswered : sent.values()) {
          answers.add(
              new MeteringStore.Answer(
                  unanswered.id(), MeteringState.PENDING, null, null, "not in the answer"));
        }
        return answers;
      } catch (MarketplaceException e) {
        if (e.reason() == MarketplaceException.Reason.UNAVAILABLE) {
          if (attempt >= maxAttempts) {
            for (MeteringStore.Pending record : sent.values()) {
              answers.add(
                  new MeteringStore.Answer(
                      record.id(), MeteringState.PENDING, null, null, e.getMessage()));
            }
            return answers;
          }
          long ceiling = baseBackoffMillis << Math.min(attempt - 1, 10);
          sleeper.sleep(ceiling / 2 + (long) (jitter.nextDouble() * ceiling / 2));
          continue;
        }
        return refused(new ArrayList<>(sent.values()), answers, e);
      }
    }
  }

  /** A call refused as a whole: split it until the refused records are found. */
  private List<MeteringStore.Answer> refused(
      List<MeteringStore.Pending> records,
      List<MeteringStore.Answer> answers,
      MarketplaceException e)
      throws InterruptedException {
    if (records.size() == 1) {
      boolean late = String.valueOf(e.getMessage()).contains("TimestampOutOfBounds");
      LOG.warning(() -> "Metering record " + records.get(0).id() + " refused: " + e.getMessage());
      answers.add(
          new MeteringStore.Answer(
              records.get(0).id(),
              late ? MeteringState.TOO_LATE : MeteringState.REFUSED,
              null,
              null,
              e.getMessage()));
      return answers;
    }
    int half = records.size() / 2;
    answers.addAll(sendCall(records.subList(0, half)));
    answers.addAll(sendCall(records.subList(half, records.size())));
    return answers;
  }

  private static MeteringStore.Answer answerOf(
      MeteringStore.Pending record, MeteringResult result) {
    return switch (result.status()) {
      case SUCCESS ->
          new MeteringStore.Answer(
              record.id(), MeteringState.SENT, "Success", result.meteringRecordId(), null);
      case DUPLICATE_RECORD ->
          new MeteringStore.Answer(
              record.id(),
              MeteringState.DUPLICATE,
              "DuplicateRecord",
              result.meteringRecordId(),
              "AWS keeps an earlier quantity for this hour");
      case CUSTOMER_NOT_SUBSCRIBED ->
          new MeteringStore.Answer(
              record.id(), MeteringState.NOT_SUBSCRIBED, "CustomerNotSubscribed", null, null);
      case UNPROCESSED ->
          new MeteringStore.Answer(
              record.id(),
              MeteringState.PENDING,
              null,
              null,
              "unprocessed by AWS; sent again later");
    };
  }
}
