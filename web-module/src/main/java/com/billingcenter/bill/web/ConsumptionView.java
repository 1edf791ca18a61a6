package com.billingcenter.bill.web;

import com.billingcenter.bill.boundary.ConsumptionDetails;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.InlineJson;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.usage.control.BillingItems;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The Bills page's consumption details: per day and billing item over a chosen period (the last 30
 * days unless chosen), as a chart of the daily cost per currency, as a table and as CSV.
 */
@Named
@ViewScoped
public class ConsumptionView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The period shown first: the last 30 days, today included. */
  static final int DEFAULT_DAYS = 30;

  /** Colours of the chart's lines, one per currency. */
  private static final String[] COLOURS = {"#1d6fa5", "#b5541b", "#2e7d32", "#6a1b9a"};

  /** One row of the table. */
  public record Row(String day, String item, long quantity, String unit, String amount)
      implements Serializable {}

  @Inject Caller caller;
  @Inject ConsumptionDetails details;
  @Inject BillingItems items;
  @Inject Clock clock;

  private String from;
  private String to;

  /** The period the rows are of (what a refused choice falls back to). */
  private String shownFrom;

  private String shownTo;
  private List<Row> rows = List.of();
  private String chart;

  @PostConstruct
  void init() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    to = today.toString();
    from = today.minusDays(DEFAULT_DAYS - 1L).toString();
    show();
  }

  /** Shows the chosen period; a period that cannot be is said so, and the last one stays. */
  public void show() {
    FacesContext faces = FacesContext.getCurrentInstance();
    List<ConsumptionDetails.Row> found;
    try {
      found = read();
    } catch (DateTimeParseException | RuleViolation refused) {
      Messages.error(faces, "consumption:from", "consumption.range", ConsumptionDetails.MAX_DAYS);
      from = shownFrom;
      to = shownTo;
      return;
    }
    shownFrom = from;
    shownTo = to;
    String language = faces.getViewRoot().getLocale().getLanguage();
    rows =
        found.stream()
            .map(
                r ->
                    new Row(
                        r.day().toString(),
                        items.name(r.billingItem(), language),
                        r.quantity(),
                        items.unit(r.billingItem(), language),
                        r.amount().toPlainString() + " " + r.currency().getCurrencyCode()))
            .toList();
    chart(found);
  }

  private List<ConsumptionDetails.Row> read() {
    return details.between(caller.account(), LocalDate.parse(from), LocalDate.parse(to), null);
  }

  private void chart(List<ConsumptionDetails.Row> found) {
    LocalDate first = LocalDate.parse(from);
    LocalDate last = LocalDate.parse(to);
    TreeSet<String> currencies = new TreeSet<>();
    Map<LocalDate, Map<String, BigDecimal>> byDay = new TreeMap<>();
    for (ConsumptionDetails.Row row : found) {
      currencies.add(row.currency().getCurrencyCode());
      byDay
          .computeIfAbsent(row.day(), d -> new TreeMap<>())
          .merge(row.currency().getCurrencyCode(), row.amount(), BigDecimal::add);
    }
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      dates.add(day);
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
    chart =
        InlineJson.of(
            Json.createObjectBuilder()
                .add("type", "line")
                .add(
                    "data",
                    Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add(
                    "options",
                    Json.createObjectBuilder()
                        .add("animation", false)
                        .add("responsive", true)
                        .add("maintainAspectRatio", false))
                .build());
  }

  /** The period's rows as a CSV download. */
  public StreamedContent getCsv() {
    StringWriter out = new StringWriter();
    details.csv(read(), out);
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    return DefaultStreamedContent.builder()
        .name("consumption-" + from + "-" + to + ".csv")
        .contentType("text/csv; charset=UTF-8")
        .contentLength((long) bytes.length)
        .stream(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getChart() {
    return chart;
  }
}
