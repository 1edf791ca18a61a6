package com.billingcenter.metering.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.cloudaccount.entity.BuyerLicense;
import com.billingcenter.cloudaccount.entity.Entitlement;
import com.billingcenter.cloudaccount.entity.ResolvedBuyer;
import com.billingcenter.marketplace.control.CloudMarketplace;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.control.MeteredUsage;
import com.billingcenter.marketplace.control.MeteringResult;
import com.billingcenter.metering.entity.MeteringState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendingTest {

  private static final Instant HOUR = Instant.parse("2026-11-26T10:00:00Z");

  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<Long> sleeps = new ArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** A marketplace that answers each call with {@code answer}. */
  static final class FakeMarketplace implements CloudMarketplace {
    final List<List<MeteredUsage>> calls =
        java.util.Collections.synchronizedList(new ArrayList<>());
    final Function<List<MeteredUsage>, List<MeteringResult>> answer;

    FakeMarketplace(Function<List<MeteredUsage>, List<MeteringResult>> answer) {
      this.answer = answer;
    }

    @Override
    public String provider() {
      return "aws";
    }

    @Override
    public ResolvedBuyer resolveRegistration(String registrationToken) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<MeteringResult> meter(List<MeteredUsage> usage) {
      assertTrue(usage.size() <= MAX_USAGE_PER_CALL, "at most 25 records a call");
      calls.add(List.copyOf(usage));
      return answer.apply(usage);
    }

    @Override
    public List<Entitlement> entitlements(ResolvedBuyer buyer) {
      throw new UnsupportedOperationException();
    }

    @Override
    public com.billingcenter.marketplace.entity.AgreementTerms agreementTerms(String agreementId) {
      throw new UnsupportedOperationException();
    }
  }

  private static List<MeteringResult> allSucceed(List<MeteredUsage> usage) {
    return usage.stream()
        .map(
            u ->
                new MeteringResult(
                    u, MeteringResult.Status.SUCCESS, "id-" + u.license().reference()))
        .toList();
  }

  private static List<MeteringStore.Pending> records(int n, String product) {
    List<MeteringStore.Pending> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(
          new MeteringStore.Pending(
              i,
              "aws",
              product,
              "123456789012",
              new BuyerLicense("l-" + product + i, "arn:license:" + product + i, false),
              "Dim",
              HOUR,
              i,
              0));
    }
    return records;
  }

  private Sending sending(CloudMarketplace marketplace) {
    return new Sending(provider -> marketplace, () -> {}, sleeps::add, 4, 100);
  }

  private static Map<Long, MeteringState> states(List<MeteringStore.Answer> answers) {
    return answers.stream()
        .collect(Collectors.toMap(MeteringStore.Answer::id, MeteringStore.Answer::state));
  }

  @Test
  void recordsGoInCallsOfAtMost25AndOneProductEach() {
    List<MeteringStore.Pending> records = new ArrayList<>(records(60, "a"));
    records.addAll(records(3, "b"));
    List<List<MeteringStore.Pending>> calls = Sending.calls(records);
    assertEquals(List.of(25, 25, 10, 3), calls.stream().map(List::size).toList());
    for (List<MeteringStore.Pending> call : calls) {
      assertEquals(1, call.stream().map(MeteringStore.Pending::productCode).distinct().count());
    }
  }

  /** Each AWS partition has its own marketplace: a record goes only to its account's. */
  @Test
  void eachRecordGoesToTheMarketplaceOfItsCloudAccountsProvider() throws Exception {
    FakeMarketplace global = new FakeMarketplace(SendingTest::allSucceed);
    FakeMarketplace china = new FakeMarketplace(SendingTest::allSucceed);
    List<MeteringStore.Pending> records = new ArrayList<>(records(3, "p"));
    for (MeteringStore.Pending r : records(2, "p-cn")) {
      records.add(
          new MeteringStore.Pending(
              r.id() + 100,
              "aws-cn",
              r.productCode(),
              r.accountId(),
              r.license(),
              r.dimension(),
              r.hour(),
              r.quantity(),
              0));
    }
    new Sending(p -> p.equals("aws-cn") ? china : global, () -> {}, sleeps::add, 4, 100)
        .send(records, executor);
    assertEquals(3, global.calls.stream().mapToInt(List::size).sum());
    assertEquals(2, china.calls.stream().mapToInt(List::size).sum());
    assertTrue(
        china.calls.stream()
            .flatMap(List::stream)
            .allMatch(u -> u.license().reference().contains("p-cn")));
  }

  @Test
  void everyAnswerBecomesTheRecordsState() throws Exception {
    FakeMarketplace marketplace =
        new FakeMarketplace(
            usage -> {
              List<MeteringResult> results = new ArrayList<>();
              for (MeteredUsage u : usage) {
                MeteringResult.Status status =
                    switch (u.quantity() % 4) {
                      case 0 -> MeteringResult.Status.SUCCESS;
                      case 1 -> MeteringResult.Status.DUPLICATE_RECORD;
                      case 2 -> MeteringResult.Status.CUSTOMER_NOT_SUBSCRIBED;
                      default -> MeteringResult.Status.UNPROCESSED;
                    };
                results.add(new MeteringResult(u, status, "m-" + u.quantity()));
              }
              return results;
            });
    Map<Long, MeteringState> states = states(sending(marketplace).send(records(8, "a"), executor));
    assertEquals(MeteringState.SENT, states.get(0L));
    assertEquals(MeteringState.DUPLICATE, states.get(1L));
    assertEquals(MeteringState.NOT_SUBSCRIBED, states.get(2L));
    assertEquals(MeteringState.PENDING, states.get(3L), "unprocessed: sent again later");
    assertEquals(8, states.size());
  }

  @Test
  void throttlingIsRetriedWithGrowingJitteredWaits() throws Exception {
    int[] failures = {2};
    FakeMarketplace marketplace =
        new FakeMarketplace(
            usage -> {
              synchronized (failures) {
                if (failures[0]-- > 0) {
                  throw new MarketplaceException(
                      MarketplaceException.Reason.UNAVAILABLE, "ThrottlingException", null);
                }
              }
              return allSucceed(usage);
            });
    Map<Long, MeteringState> states = states(sending(marketplace).send(records(5, "a"), executor));
    assertTrue(states.values().stream().allMatch(s -> s == MeteringState.SENT));
    assertEquals(3, marketplace.calls.size());
    assertEquals(2, sleeps.size());
    assertTrue(sleeps.get(0) >= 50 && sleeps.get(0) <= 100, "first wait: 50-100 ms");
    assertTrue(sleeps.get(1) >= 100 && sleeps.get(1) <= 200, "second wait: 100-200 ms");
  }

  @Test
  void aMarketplaceThatStaysDownLeavesTheRecordsPending() throws Exception {
    FakeMarketplace marketplace =
        new FakeMarketplace(
            usage -> {
              throw new MarketplaceException(MarketplaceException.Reason.UNAVAILABLE, "500", null);
            });
    Map<Long, MeteringState> states = states(sending(marketplace).send(records(3, "a"), executor));
    assertTrue(states.values().stream().allMatch(s -> s == MeteringState.PENDING));
    assertEquals(4, marketplace.calls.size(), "max attempts");
  }

  @Test
  void aCallRefusedForOneBadRecordIsSplitToFindIt() throws Exception {
    FakeMarketplace marketplace =
        new FakeMarketplace(
            usage -> {
              if (usage.stream().anyMatch(u -> u.quantity() == 13)) {
                throw new MarketplaceException(
                    MarketplaceException.Reason.REFUSED,
                    "AWS Marketplace refused BatchMeterUsage: InvalidUsageDimensionException",
                    null);
              }
              return allSucceed(usage);
            });
    Map<Long, MeteringState> states = states(sending(marketplace).send(records(25, "a"), executor));
    assertEquals(MeteringState.REFUSED, states.get(13L));
    assertEquals(24, states.values().stream().filter(s -> s == MeteringState.SENT).count());
    assertTrue(marketplace.calls.size() <= 1 + 2 * 5, "a binary search, not one call a record");
  }

  @Test
  void aRecordOutsideTheTimeWindowIsTooLate() throws Exception {
    FakeMarketplace marketplace =
        new FakeMarketplace(
            usage -> {
              throw new MarketplaceException(
                  MarketplaceException.Reason.REFUSED,
                  "AWS Marketplace refused BatchMeterUsage: TimestampOutOfBoundsException",
                  null);
            });
    Map<Long, MeteringState> states = states(sending(marketplace).send(records(2, "a"), executor));
    assertEquals(Map.of(0L, MeteringState.TOO_LATE, 1L, MeteringState.TOO_LATE), states);
  }

  @Test
  void theSameRecordIsAlwaysSentWithItsOneQuantity() throws Exception {
    Map<String, Integer> seen = new HashMap<>();
    FakeMarketplace marketplace =
        new FakeMarketplace(
            usage -> {
              synchronized (seen) {
                for (MeteredUsage u : usage) {
                  Integer before =
                      seen.putIfAbsent(u.license().reference() + u.hour(), u.quantity());
                  assertTrue(before == null || before == u.quantity());
                }
              }
              return allSucceed(usage);
            });
    Sending sending = sending(marketplace);
    sending.send(records(30, "a"), executor);
    sending.send(records(30, "a"), executor);
    assertEquals(30, seen.size());
  }
}
