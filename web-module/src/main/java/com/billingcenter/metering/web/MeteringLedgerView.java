package com.billingcenter.metering.web;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.cloudaccount.boundary.CloudAccounts;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.metering.boundary.MeteringLedger;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code metering.xhtml?cloudAccount=N}: the metering ledger of one of the customer's AWS cloud
 * accounts: each hour and dimension, what the usage gives, what was sent, what AWS said, and
 * whether they agree. Another's or a missing account is "not found".
 */
@Named
@ViewScoped
public class MeteringLedgerView implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /**
   * One line of the ledger as the page shows it: its hour and the hours of its late usage in UTC,
   * and its state as the end of a message key ({@code sent}, {@code pending}, …).
   */
  public record Row(String hour, MeteringLedger.Line line, String state, String lateHours)
      implements Serializable {}

  @Inject Caller caller;
  @Inject CloudAccounts cloudAccounts;
  @Inject MeteringLedger ledger;
  @Inject Clock clock;

  private long cloudAccountId;
  private String title;
  private int days = 1;
  private List<Row> rows;

  @PostConstruct
  void init() {
    FacesContext faces = FacesContext.getCurrentInstance();
    String asked = faces.getExternalContext().getRequestParameterMap().get("cloudAccount");
    try {
      cloudAccountId = Long.parseLong(asked);
      CloudAccount account = cloudAccounts.require(owner(), cloudAccountId);
      title = account.providerAccountId() + " · " + account.licenseId();
      load();
    } catch (NumberFormatException | RuleViolation e) {
      notFound(faces);
    }
  }

  private static void notFound(FacesContext faces) {
    try {
      faces.getExternalContext().responseSendError(404, "Not found");
      faces.responseComplete();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private BillingAccount owner() {
    return caller.account();
  }

  /** Shows the chosen range. */
  public void load() {
    Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    Instant from = to.minus(Duration.ofDays(days));
    rows =
        ledger.ledger(owner(), cloudAccountId, from, to).stream()
            .map(
                l ->
                    new Row(
                        UTC.format(l.hour()),
                        l,
                        l.state().name().toLowerCase(Locale.ROOT),
                        lateHours(l)))
            .toList();
  }

  private static String lateHours(MeteringLedger.Line l) {
    if (l.lateFrom() == null) {
      return null;
    }
    String from = UTC.format(l.lateFrom());
    return l.lateFrom().equals(l.lateUntil()) ? from : from + "–" + UTC.format(l.lateUntil());
  }

  public String getTitle() {
    return title;
  }

  public long getCloudAccountId() {
    return cloudAccountId;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days == 7 || days == 31 ? days : 1;
  }

  public List<Row> getRows() {
    return rows;
  }
}
