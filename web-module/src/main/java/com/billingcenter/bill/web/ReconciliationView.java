package com.billingcenter.bill.web;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.bill.boundary.Reconciliations;
import com.billingcenter.bill.control.Reconciliation;
import com.billingcenter.cloudaccount.boundary.CloudAccounts;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The reconciliation statement on {@code metering.xhtml?cloudAccount=N}: a month of the cloud
 * account's life (the last twelve), its totals per dimension and currency, and its CSV.
 */
@Named
@ViewScoped
public class ReconciliationView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Caller caller;
  @Inject CloudAccounts cloudAccounts;
  @Inject Reconciliations reconciliations;
  @Inject Clock clock;

  private long cloudAccountId;
  private List<String> months = List.of();
  private String month;
  private boolean finalStatement;
  private List<Reconciliation.Total> totals = List.of();

  @PostConstruct
  void init() {
    String asked =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("cloudAccount");
    try {
      cloudAccountId = Long.parseLong(asked);
      CloudAccount account = cloudAccounts.require(owner(), cloudAccountId);
      YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
      YearMonth first = YearMonth.from(account.createdAt().atZone(ZoneOffset.UTC));
      List<String> life = new ArrayList<>();
      for (int i = 0; i < 12 && !current.minusMonths(i).isBefore(first); i++) {
        life.add(current.minusMonths(i).toString());
      }
      months = life;
      month = current.toString();
      load();
    } catch (NumberFormatException | RuleViolation e) {
      // The ledger's view answers "not found" for the page.
      cloudAccountId = -1;
    }
  }

  private BillingAccount owner() {
    return caller.account();
  }

  /** Shows the chosen month's totals. */
  public void load() {
    Reconciliation statement =
        reconciliations.statement(owner(), cloudAccountId, YearMonth.parse(month));
    finalStatement = statement.isFinal();
    totals = statement.totals();
  }

  /** The month's statement as a CSV download. */
  public StreamedContent getCsv() {
    YearMonth asked = YearMonth.parse(month);
    byte[] bytes =
        reconciliations.csv(owner(), cloudAccountId, asked).getBytes(StandardCharsets.UTF_8);
    return DefaultStreamedContent.builder()
        .name("reconciliation-" + cloudAccountId + "-" + asked + ".csv")
        .contentType("text/csv; charset=UTF-8")
        .contentLength((long) bytes.length)
        .stream(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  public List<String> getMonths() {
    return months;
  }

  public String getMonth() {
    return month;
  }

  public void setMonth(String month) {
    if (months.contains(month)) {
      this.month = month;
    }
  }

  public boolean isFinalStatement() {
    return finalStatement;
  }

  public List<Reconciliation.Total> getTotals() {
    return totals;
  }
}
