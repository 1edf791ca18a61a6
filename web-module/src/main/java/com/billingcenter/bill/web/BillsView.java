package com.billingcenter.bill.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.bill.boundary.Bills;
import com.billingcenter.bill.control.BillCsv;
import com.billingcenter.cloudaccount.boundary.CloudAccounts;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.workspace.entity.SettlementPeriod;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * {@code bills.xhtml}: the month's bill grouped by settlement method, its CSV, and the daily cost
 * of the last 30 days as a chart and as a table.
 */
@Named
@ViewScoped
public class BillsView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Days in the cost chart. */
  static final int CHART_DAYS = 30;

  /** Colours of the chart's lines, one per currency. */
  private static final String[] COLOURS = {"#1d6fa5", "#b5541b", "#2e7d32", "#6a1b9a"};

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
      implements Serializable {
    /** What the page says of usage of a locked workspace, or empty. */
    public String getNote() {
      return note;
    }

    public String getWorkspace() {
      return workspace;
    }

    public String getSite() {
      return site;
    }

    public String getItem() {
      return item;
    }

    public long getQuantity() {
      return quantity;
    }

    public String getUnit() {
      return unit;
    }

    public String getUnitPrice() {
      return unitPrice;
    }

    public String getAmount() {
      return amount;
    }

    public String getCurrency() {
      return currency;
    }
  }

  /** The lines one settlement method paid for, with their totals. */
  public record Group(String key, String title, List<Row> rows, List<String> totals)
      implements Serializable {
    public String getKey() {
      return key;
    }

    public String getTitle() {
      return title;
    }

    public List<Row> getRows() {
      return rows;
    }

    public List<String> getTotals() {
      return totals;
    }
  }

  /** One day of the cost table. */
  public record Day(String day, String costs) implements Serializable {
    public String getDay() {
      return day;
    }

    public String getCosts() {
      return costs;
    }
  }

  @Inject Accounts accounts;
  @Inject Bills bills;
  @Inject BillingItems items;
  @Inject CloudAccounts cloudAccounts;
  @Inject Clock clock;

  private String month;
  private Map<Long, String> cloudAccountNames;
  private List<String> months;
  private List<Group> groups;
  private List<Day> days;
  private String chart;

  @PostConstruct
  void init() {
    YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    months = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
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
    return accounts.require(
        FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName());
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
    Bills.Bill bill = bills.month(owner, yearMonth());
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    for (Bills.Line line : bill.lines()) {
      String key = Bills.group(line);
      titles.computeIfAbsent(key, k -> title(faces, line));
      rows.computeIfAbsent(key, k -> new ArrayList<>())
          .add(
              new Row(
                  line.workspaceName(),
                  line.siteCode(),
                  items
                      .find(line.billingItem())
                      .map(i -> i.name(language))
                      .orElse(line.billingItem()),
                  line.quantity(),
                  items.find(line.billingItem()).map(i -> i.unit(language)).orElse(""),
                  line.unitPrice().toPlainString(),
                  line.amount().toPlainString(),
                  line.currency().getCurrencyCode(),
                  line.kind() == SettlementPeriod.Kind.WHILE_LOCKED
                      ? Messages.text(faces, "bills.whileLocked")
                      : ""));
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
    daily(owner);
  }

  private String title(FacesContext faces, Bills.Line line) {
    if (Bills.WRITTEN_OFF.equals(Bills.group(line))) {
      return Messages.text(faces, "bills.method." + Bills.WRITTEN_OFF);
    }
    String method = Messages.text(faces, "bills.method." + line.settlementMethod());
    return line.cloudAccountId() == null
        ? method
        : method
            + " "
            + cloudAccountNames.getOrDefault(line.cloudAccountId(), "#" + line.cloudAccountId());
  }

  private void daily(BillingAccount owner) {
    List<Bills.DailyCost> costs = bills.daily(owner, CHART_DAYS);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<LocalDate> dates = new ArrayList<>();
    for (int i = CHART_DAYS - 1; i >= 0; i--) {
      dates.add(today.minusDays(i));
    }
    TreeSet<String> currencies = new TreeSet<>();
    Map<LocalDate, Map<String, BigDecimal>> byDay = new TreeMap<>();
    for (Bills.DailyCost cost : costs) {
      currencies.add(cost.currency().getCurrencyCode());
      byDay
          .computeIfAbsent(cost.day(), d -> new TreeMap<>())
          .merge(cost.currency().getCurrencyCode(), cost.amount(), BigDecimal::add);
    }
    days = new ArrayList<>();
    for (LocalDate date : dates) {
      Map<String, BigDecimal> ofDay = byDay.get(date);
      if (ofDay != null) {
        List<String> parts = new ArrayList<>();
        ofDay.forEach((c, a) -> parts.add(a.toPlainString() + " " + c));
        days.add(new Day(date.toString(), String.join(", ", parts)));
      }
    }
    JsonArrayBuilder labels = Json.createArrayBuilder();
    dates.forEach(d -> labels.add(d.toString()));
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    int colour = 0;
    for (String currency : currencies) {
      JsonArrayBuilder values = Json.createArrayBuilder();
      for (LocalDate date : dates) {
        values.add(byDay.getOrDefault(date, Map.of()).getOrDefault(currency, BigDecimal.ZERO));
      }
      String c = COLOURS[colour++ % COLOURS.length];
      datasets.add(
          Json.createObjectBuilder()
              .add("label", currency)
              .add("data", values)
              .add("borderColor", c)
              .add("backgroundColor", c)
              .add("fill", false)
              .add("tension", 0.2));
    }
    JsonObjectBuilder config =
        Json.createObjectBuilder()
            .add("type", "line")
            .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
            .add(
                "options",
                Json.createObjectBuilder()
                    .add("animation", false)
                    .add("responsive", true)
                    .add("maintainAspectRatio", false));
    chart = config.build().toString();
  }

  /** The month's bill as a CSV download. */
  public StreamedContent getCsv() {
    Bills.Bill bill = bills.month(owner(), yearMonth());
    StringWriter out = new StringWriter();
    BillCsv.write(bill, out);
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    return DefaultStreamedContent.builder()
        .name("bill-" + bill.month() + ".csv")
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

  public List<Day> getDays() {
    return days;
  }

  public String getChart() {
    return chart;
  }

  public boolean isBillEmpty() {
    return groups.isEmpty();
  }
}
