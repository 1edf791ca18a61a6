package com.billingcenter.marketplace.boundary;

import com.billingcenter.audit.control.Audit;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.control.AgreementEnding;
import com.billingcenter.marketplace.control.AgreementLinks;
import com.billingcenter.marketplace.control.LicenseSuccessions;
import com.billingcenter.marketplace.entity.AgreementLicense;
import com.billingcenter.notice.control.Notices;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.UtcTimes;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An agreement's coming end, as AWS warns of it (Seller Guide, "Amazon EventBridge events":
 * Purchase Agreement Ending - Proposer, 180, 120, 90, 60 and 30 days before): the owner of the
 * cloud account it settles gets a notice and a mail saying when, and whether it renews by itself.
 * Each count of days is told once per agreement (the agreement's row is locked): a redelivery, or
 * an older warning arriving late, tells nothing again. AWS's last warning is 30 days before; from
 * the agreement's end date (its terms, or a warning), the owner is also told 30 days before if no
 * warning came, and 7 days before ({@link #announceDue}, hourly).
 */
@Stateless
public class AgreementEndings {

  private static final Logger LOG = Logger.getLogger(AgreementEndings.class.getName());

  @Inject AgreementLinks links;
  @Inject LicenseSuccessions successions;
  @Inject Notices notices;
  @Inject Audit audit;

  /** What a warning did. */
  public enum Outcome {
    /** The owner was told. */
    ANNOUNCED,
    /** Told of already (as few days or fewer), or nobody to tell yet: nothing done. */
    UNCHANGED,
    /** The agreement is not linked to a license (no License Updated came): nobody to tell. */
    UNKNOWN
  }

  /** The days before an agreement's end its owner is told of it from its end date. */
  public static final List<Integer> REMINDER_DAYS = List.of(30, 7);

  /** Agreements told of per run; the next run takes the rest. */
  static final int BATCH = 200;

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "billing.reminders.enabled", defaultValue = "true")
  boolean remindersEnabled;

  @Schedule(hour = "*", minute = "41", persistent = false)
  void hourly() {
    if (!remindersEnabled) {
      return;
    }
    int told = announceDue();
    if (told > 0) {
      LOG.info(() -> told + " owner(s) told of an AWS agreement's coming end.");
    }
  }

  /**
   * Tells the owners of the agreements in force that end within 30 days, then 7 (the fewest of
   * {@link #REMINDER_DAYS} at least as far off as the end), once each, as if AWS had warned; an
   * agreement renewed, replaced or ended already is not. Returns how many were told.
   */
  public int announceDue() {
    Instant now = clock.instant();
    record Due(String provider, String agreement, Instant end, boolean autoRenew, Integer told) {}
    int announced = 0;
    for (Due due :
        Sql.list(
            dataSource,
            "the agreements ending",
            "SELECT provider, agreement_id, end_time, auto_renew, ending_notice_days"
                + " FROM marketplace_agreement WHERE end_time > ? AND end_time <= ?"
                + " AND (agreement_status IS NULL OR agreement_status = 'ACTIVE')"
                + " AND (ending_notice_days IS NULL OR ending_notice_days > 7)"
                + " ORDER BY end_time FETCH FIRST "
                + BATCH
                + " ROWS ONLY",
            r ->
                new Due(
                    r.getString(1),
                    r.getString(2),
                    UtcTimes.read(r, 3),
                    r.getBoolean(4),
                    (Integer) r.getObject(5, Integer.class)),
            now,
            now.plus(Duration.ofDays(REMINDER_DAYS.get(0))))) {
      Duration left = Duration.between(now, due.end());
      int days =
          REMINDER_DAYS.stream()
              .mapToInt(Integer::intValue)
              .filter(d -> left.compareTo(Duration.ofDays(d)) <= 0)
              .min()
              .orElseThrow();
      if (due.told() != null && due.told() <= days) {
        continue;
      }
      AgreementEnding ending =
          new AgreementEnding(
              "schedule",
              "end-date-" + days,
              due.provider(),
              due.agreement(),
              due.end(),
              days,
              due.autoRenew(),
              now);
      if (receive(ending) == Outcome.ANNOUNCED) {
        announced++;
      }
    }
    return announced;
  }

  public Outcome receive(AgreementEnding ending) {
    Optional<AgreementLicense> link = links.lockedLink(ending.provider(), ending.agreementId());
    if (link.isEmpty()) {
      LOG.warning(
          () ->
              "Agreement "
                  + ending.agreementId()
                  + " ends "
                  + ending.endTime()
                  + " but no license event linked it: nobody was told.");
      return Outcome.UNKNOWN;
    }
    Optional<CloudAccount> account =
        successions.lockedHolder(ending.provider(), link.get().licenseKey());
    if (account.isEmpty() || account.get().ownerId() == null) {
      return Outcome.UNCHANGED;
    }
    if (!link.get().warnOfEnd(ending.endTime(), ending.daysBefore())) {
      return Outcome.UNCHANGED;
    }
    CloudAccount settled = account.get();
    notices.agreementEnding(
        settled.ownerId(), settled, ending.endTime(), ending.daysBefore(), ending.autoRenewal());
    audit.record(
        settled.ownerId(),
        AuditEntry.SYSTEM,
        "cloudAccount.agreementEnding",
        MarketplaceRegistrations.SUBJECT,
        settled.id(),
        null,
        "agreement "
            + ending.agreementId()
            + " ends "
            + ending.endTime()
            + " ("
            + ending.daysBefore()
            + " days; "
            + (ending.autoRenewal() ? "renews automatically" : "no automatic renewal")
            + ")");
    return Outcome.ANNOUNCED;
  }
}
