package com.billingcenter.overview.web;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.bill.boundary.Bills;
import com.billingcenter.bill.control.Bill;
import com.billingcenter.bill.control.BillLine;
import com.billingcenter.cloudaccount.boundary.CloudAccounts;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.site.control.Sites;
import com.billingcenter.workspace.boundary.WorkspaceQuery;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code overview.xhtml}: the signed-in home page. This month's cost so far by settlement method
 * and by workspace (charts, and the same figures as tables), the cloud accounts and their status,
 * the locked workspaces with their days left, and the workspaces whose settlement method may next
 * change only next month. Lists show at most {@value #SHOWN} entries and link to the full page.
 */
@Named
@RequestScoped
public class OverviewView {

  /** The most entries a list of the overview shows. */
  static final int SHOWN = 10;

  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  /** One bar of a chart and one row of its table: a label and its amounts per currency. */
  /** A row of costs: what, the amounts so far, and the month-end forecast at the daily run rate. */
  public record Cost(String label, String amounts, String forecast) {}

  /** A cloud account at a glance. */
  public record Cloud(long id, String provider, String accountId, String status, int workspaces) {}

  /** A workspace and what the overview says of it (days left, next change). */
  public record Entry(long id, String name, String site, String detail) {}

  @Inject Caller caller;
  @Inject Bills bills;
  @Inject CloudAccounts cloudAccounts;
  @Inject Workspaces workspaces;
  @Inject Sites sites;
  @Inject Clock clock;

  /**
   * This month's cost so far: the totals per currency, by settlement method and by workspace (the
   * largest, the rest as one), each as table rows and a chart; {@code costless} when there is none
   * to chart.
   */
  public record Costs(
      List<String> totals,
      List<Cost> byMethod,
      List<Cost> byWorkspace,
      String methodChart,
      String workspaceChart,
      boolean costless) {}

  /** Some workspaces ({@value #SHOWN} at most) and how many there are in all. */
  public record Entries(List<Entry> shown, long count) {}

  /**
   * The page: the month and its costs, the cloud accounts, the locked workspaces with their days
   * left, and the workspaces whose method may change only from {@code nextMonth}.
   */
  public record Overview(
      String month,
      String nextMonth,
      Costs costs,
      List<Cloud> clouds,
      Entries locked,
      Entries waiting) {}

  private Overview overview;

  @PostConstruct
  void init() {
    FacesContext faces = FacesContext.getCurrentInstance();
    BillingAccount owner = caller.account();
    Instant now = clock.instant();
    YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
    List<Cloud> clouds =
        cloudAccounts.withWorkspaces(owner).entrySet().stream()
            .map(
                e ->
                    new Cloud(
                        e.getKey().id(),
                        e.getKey().provider(),
                        e.getKey().providerAccountId(),
                        e.getKey().status().name(),
                        e.getValue().size()))
            .toList();
    Instant monthStart = current.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Entry> waiting =
        workspaces.changedSince(owner, monthStart, SHOWN).stream()
            .map(
                w ->
                    new Entry(
                        w.id(),
                        w.name(),
                        siteName(faces, w.siteCode()),
                        w.nextChangePossible().map(DAY::format).orElse("")))
            .toList();
    overview =
        new Overview(
            current.toString(),
            current.plusMonths(1).atDay(1).toString(),
            costs(faces, owner, current, clouds),
            clouds,
            locked(faces, owner, now),
            new Entries(waiting, workspaces.countChangedSince(owner, monthStart)));
  }

  private Costs costs(
      FacesContext faces, BillingAccount owner, YearMonth current, List<Cloud> clouds) {
    Bill bill = bills.month(owner, current);
    // The days of the month gone, to the hour: the forecast's daily run rate divides by them.
    BigDecimal elapsed =
        BigDecimal.valueOf(
                java.time.Duration.between(
                        current.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), clock.instant())
                    .toHours())
            .divide(BigDecimal.valueOf(24), 4, java.math.RoundingMode.HALF_UP);
    Map<String, String> cloudNames = new LinkedHashMap<>();
    Map<String, Map<Currency, BigDecimal>> methods = new LinkedHashMap<>();
    Map<String, Map<Currency, BigDecimal>> spaces = new TreeMap<>();
    Map<Currency, BigDecimal> all = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
    for (BillLine line : bill.lines()) {
      if (line.amount() == null || line.amount().signum() == 0 && line.quantity() == 0) {
        continue;
      }
      methods
          .computeIfAbsent(
              methodTitle(faces, line, cloudNames, clouds),
              k -> new TreeMap<>(CostsByLabel.byCode()))
          .merge(line.currency(), line.amount(), BigDecimal::add);
      spaces
          .computeIfAbsent(line.workspaceName(), k -> new TreeMap<>(CostsByLabel.byCode()))
          .merge(line.currency(), line.amount(), BigDecimal::add);
      all.merge(line.currency(), line.amount(), BigDecimal::add);
    }
    Map<String, Map<Currency, BigDecimal>> shown =
        CostsByLabel.largest(spaces, SHOWN, Messages.text(faces, "overview.others"));
    return new Costs(
        all.entrySet().stream().map(e -> e.getValue().toPlainString() + " " + e.getKey()).toList(),
        CostsByLabel.rows(methods, elapsed, current.lengthOfMonth()),
        CostsByLabel.rows(shown, elapsed, current.lengthOfMonth()),
        CostsByLabel.barChart(methods),
        CostsByLabel.barChart(shown),
        methods.isEmpty());
  }

  private static String methodTitle(
      FacesContext faces, BillLine line, Map<String, String> cloudNames, List<Cloud> clouds) {
    String group = line.group();
    if (BillLine.WRITTEN_OFF.equals(group)) {
      return Messages.text(faces, "bills.method." + BillLine.WRITTEN_OFF);
    }
    String method = Messages.text(faces, "settlement.short." + line.settlementMethod());
    if (line.cloudAccountId() == null) {
      return method;
    }
    return method
        + " "
        + cloudNames.computeIfAbsent(group, g -> accountIdOf(clouds, line.cloudAccountId()));
  }

  private static String accountIdOf(List<Cloud> clouds, long cloudAccountId) {
    return clouds.stream()
        .filter(c -> c.id() == cloudAccountId)
        .map(Cloud::accountId)
        .findFirst()
        .orElse("#" + cloudAccountId);
  }

  private Entries locked(FacesContext faces, BillingAccount owner, Instant now) {
    List<Entry> entries = new ArrayList<>();
    long lockedCount = 0;
    for (String status : List.of("LOCKED", "FULLY_LOCKED")) {
      var query = new WorkspaceQuery(0, SHOWN, "name", true, null, null, status, null, null);
      lockedCount += workspaces.count(owner, query);
      for (Workspace w : workspaces.list(owner, query)) {
        if (entries.size() < SHOWN) {
          entries.add(
              new Entry(w.id(), w.name(), siteName(faces, w.siteCode()), daysLeft(faces, w, now)));
        }
      }
    }
    return new Entries(entries, lockedCount);
  }

  private static String daysLeft(FacesContext faces, Workspace w, Instant now) {
    Instant end = w.countdownEnd().orElse(now);
    if (!end.isAfter(now)) {
      return Messages.text(faces, "overview.fullyLocked");
    }
    long days = (Duration.between(now, end).toHours() + 23) / 24;
    return Messages.format(faces, "overview.daysLeft", days, DAY.format(end));
  }

  private String siteName(FacesContext faces, String code) {
    var locale = faces.getViewRoot().getLocale();
    return sites.find(code).map(s -> s.name(locale)).orElse(code);
  }

  public Overview getOverview() {
    return overview;
  }
}
