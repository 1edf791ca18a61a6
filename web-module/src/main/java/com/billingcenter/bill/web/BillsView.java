package com.billingcenter.bill.web;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.bill.boundary.Bills;
import com.billingcenter.bill.control.Bill;
import com.billingcenter.bill.control.BillLine;
import com.billingcenter.cloudaccount.boundary.CloudAccounts;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.workspace.entity.SettlementPeriod;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * {@code bills.xhtml}: the month's bill grouped by settlement method, in progress or final, and its
 * CSV (a final bill's as issued); the consumption details below it are {@link ConsumptionView}'s.
 */
@Named
@ViewScoped
public class BillsView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A line of the bill as the page shows it. */
  public record Row(
      String workspace,
      String site,
      String item,
      long quantity,
      String unit,
      String unitPrice,
      String amount,
      String currency,
      String note)
      implements Serializable {}

  /** The lines one settlement method paid for, with their totals. */
  public record Group(String key, String title, List<Row> rows, List<String> totals)
      implements Serializable {}

  @Inject Caller caller;
  @Inject Bills bills;
  @Inject BillingItems items;
  @Inject CloudAccounts cloudAccounts;
  @Inject Clock clock;

  private String month;
  private Map<Long, String> cloudAccountNames;
  private List<String> months;
  private List<Group> groups;
  private boolean finalBill;
  private String finalizedAt;
  private String closesAt;

  @PostConstruct
  void init() {
    YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    months = new ArrayList<>();
    // The last twelve months of the account's life (a month before it has no bill).
    YearMonth first = owner().firstBilledMonth();
    for (int i = 0; i < 12 && !current.minusMonths(i).isBefore(first); i++) {
      months.add(current.minusMonths(i).toString());
    }
    String asked =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("month");
    month = asked != null && months.contains(asked) ? asked : current.toString();
    load();
  }

  private BillingAccount owner() {
    return caller.account();
  }

  /** Shows the chosen month. */
  public void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    String language = faces.getViewRoot().getLocale().getLanguage();
    BillingAccount owner = owner();
    cloudAccountNames = new java.util.HashMap<>();
    for (var account : cloudAccounts.withWorkspaces(owner).keySet()) {
      cloudAccountNames.put(account.id(), account.providerAccountId());
    }
    Bill bill = bills.month(owner, yearMonth());
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    for (BillLine line : bill.lines()) {
      String key = line.group();
      titles.computeIfAbsent(key, k -> title(faces, line));
      rows.computeIfAbsent(key, k -> new ArrayList<>())
          .add(
              new Row(
                  line.workspaceName(),
                  line.siteCode(),
                  items.name(line.billingItem(), language),
                  line.quantity(),
                  items.unit(line.billingItem(), language),
                  line.unitPrice() == null
                      ? Messages.text(faces, "bills.noPrice")
                      : line.unitPrice().toPlainString(),
                  line.amount() == null
                      ? Messages.text(faces, "bills.noPrice")
                      : line.amount().toPlainString(),
                  line.currency().getCurrencyCode(),
                  note(faces, bill, line)));
    }
    groups = new ArrayList<>();
    for (Map.Entry<String, List<Row>> group : rows.entrySet()) {
      List<String> totals = new ArrayList<>();
      for (Map.Entry<Currency, BigDecimal> total : bill.totals().get(group.getKey()).entrySet()) {
        totals.add(total.getValue().toPlainString() + " " + total.getKey().getCurrencyCode());
      }
      groups.add(
          new Group(
              group.getKey(), titles.get(group.getKey()), List.copyOf(group.getValue()), totals));
    }
    finalBill = bill.isFinal();
    finalizedAt = bill.isFinal() ? UtcTimes.MINUTES.format(bill.finalizedAt()) : null;
    closesAt = UtcTimes.MINUTES.format(bill.closesAt());
  }

  /** What the page says of a line besides its figures: used while locked, reported late. */
  private static String note(FacesContext faces, Bill bill, BillLine line) {
    List<String> notes = new ArrayList<>();
    if (bill.isLate(line)) {
      notes.add(Messages.format(faces, "bills.late", line.usageMonth().toString()));
    }
    if (line.kind() == SettlementPeriod.Kind.WHILE_LOCKED) {
      notes.add(Messages.text(faces, "bills.whileLocked"));
    }
    if (line.kind() == SettlementPeriod.Kind.CHARGED_TO_OWNER) {
      notes.add(Messages.text(faces, "bills.chargedToOwner"));
    }
    if (line.included()) {
      notes.add(Messages.text(faces, "bills.included"));
    }
    return String.join(" ", notes);
  }

  private String title(FacesContext faces, BillLine line) {
    if (BillLine.WRITTEN_OFF.equals(line.group())) {
      return Messages.text(faces, "bills.method." + BillLine.WRITTEN_OFF);
    }
    String method = Messages.text(faces, "bills.method." + line.settlementMethod());
    return line.cloudAccountId() == null
        ? method
        : method
            + " "
            + cloudAccountNames.getOrDefault(line.cloudAccountId(), "#" + line.cloudAccountId());
  }

  /** The month's bill as a CSV download. */
  public StreamedContent getCsv() {
    YearMonth month = yearMonth();
    byte[] bytes = bills.csv(owner(), month).getBytes(StandardCharsets.UTF_8);
    return DefaultStreamedContent.builder()
        .name("bill-" + month + ".csv")
        .contentType("text/csv; charset=UTF-8")
        .contentLength((long) bytes.length)
        .stream(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  private YearMonth yearMonth() {
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }
  }

  public String getMonth() {
    return month;
  }

  public void setMonth(String month) {
    this.month = months.contains(month) ? month : this.month;
  }

  public List<String> getMonths() {
    return months;
  }

  public List<Group> getGroups() {
    return groups;
  }

  public boolean isFinalBill() {
    return finalBill;
  }

  public String getFinalizedAt() {
    return finalizedAt;
  }

  public String getClosesAt() {
    return closesAt;
  }

  public boolean isBillEmpty() {
    return groups.isEmpty();
  }
}
