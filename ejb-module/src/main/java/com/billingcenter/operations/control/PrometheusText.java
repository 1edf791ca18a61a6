package com.billingcenter.operations.control;

import java.util.List;

/**
 * Gauges in Prometheus's text exposition format (version 0.0.4): for each, a {@code # HELP} line, a
 * {@code # TYPE} line and the sample.
 */
public final class PrometheusText {

  /** The format's content type. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusText() {}

  public static String of(List<Gauge> gauges) {
    StringBuilder text = new StringBuilder();
    for (Gauge gauge : gauges) {
      text.append("# HELP ").append(gauge.name()).append(' ').append(escape(gauge.help()));
      text.append("\n# TYPE ").append(gauge.name()).append(" gauge\n");
      text.append(gauge.name()).append(' ').append(gauge.value()).append('\n');
    }
    return text.toString();
  }

  /** HELP text: a backslash and a line feed are escaped, as the format asks. */
  static String escape(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
