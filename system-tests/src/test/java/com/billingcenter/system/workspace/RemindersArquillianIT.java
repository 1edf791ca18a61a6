package com.billingcenter.system.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.boundary.AgreementEndings;
import com.billingcenter.notice.boundary.NoticeBoard;
import com.billingcenter.notice.entity.Notice;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.system.support.AwsBuyers;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.SettledCustomers;
import com.billingcenter.workspace.control.WorkspaceLocks;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Reminders before the data or the settlement is gone, with a fixed clock: a locked workspace's
 * owner is told a week and a day before its full lock, an AWS agreement's owner 30 and 7 days
 * before its end (from its end date); each once.
 */
class RemindersArquillianIT extends ContainerTest {

  @Inject AwsBuyers buyers;
  @Inject SettledCustomers customers;
  @Inject WorkspaceLocks locks;
  @Inject AgreementEndings endings;
  @Inject NoticeBoard notices;

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  private List<String> kinds(long ownerId) {
    return notices.page(ownerId, 0, 50).stream().map(Notice::kind).toList();
  }

  @Test
  void aLockedWorkspacesOwnerIsRemindedAWeekAndADayBeforeItsFullLock() throws Exception {
    AwsBuyers.Buyer buyer = buyers.settled("remind-", null);
    Instant lockedAt = clock.instant().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
    clock.set(lockedAt);
    customers.receive(buyer.license(), SubscriptionChange.ENDED, lockedAt);
    long owner = buyer.owner().id();
    Instant end = lockedAt.plus(Workspace.LOCK_COUNTDOWN);

    clock.set(end.minus(Duration.ofDays(8)));
    locks.remindDue();
    assertTrue(kinds(owner).stream().noneMatch("workspace.fullLockSoon"::equals), "not yet");
    clock.set(end.minus(Duration.ofDays(7)));
    assertTrue(locks.remindDue() >= 1);
    clock.set(end.minus(Duration.ofDays(6)));
    locks.remindDue();
    List<Notice> soon =
        notices.page(owner, 0, 50).stream()
            .filter(n -> n.kind().equals("workspace.fullLockSoon"))
            .toList();
    assertEquals(1, soon.size(), "once");
    assertTrue(soon.get(0).subject().contains("in 7 day"), soon.get(0).subject());
    clock.set(end.minus(Duration.ofHours(20)));
    locks.remindDue();
    locks.remindDue();
    assertEquals(
        2, kinds(owner).stream().filter("workspace.fullLockSoon"::equals).count(), "and a day");
  }

  @Test
  void anAgreementsOwnerIsToldThirtyAndSevenDaysBeforeItsEnd() throws Exception {
    AwsBuyers.Buyer buyer = buyers.settled("ending-", null);
    Instant end = clock.instant().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE marketplace_agreement SET end_time = ? WHERE agreement_id = ?")) {
      update.setTimestamp(1, Timestamp.from(end));
      update.setString(2, buyer.agreement());
      assertEquals(1, update.executeUpdate());
    }
    long owner = buyer.owner().id();
    clock.set(end.minus(Duration.ofDays(31)));
    endings.announceDue();
    assertTrue(kinds(owner).stream().noneMatch("agreement.ending"::equals), "not yet");
    clock.set(end.minus(Duration.ofDays(29)));
    assertTrue(endings.announceDue() >= 1);
    endings.announceDue();
    assertEquals(1, kinds(owner).stream().filter("agreement.ending"::equals).count(), "once");
    clock.set(end.minus(Duration.ofDays(6)));
    endings.announceDue();
    endings.announceDue();
    List<Notice> told =
        notices.page(owner, 0, 50).stream()
            .filter(n -> n.kind().equals("agreement.ending"))
            .toList();
    assertEquals(2, told.size(), told.toString());
    assertTrue(told.get(0).body().contains("in 7 days"), told.get(0).body());
  }
}
