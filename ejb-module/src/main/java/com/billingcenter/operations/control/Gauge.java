package com.billingcenter.operations.control;

/**
 * One business gauge as read now: its Prometheus name, what it counts, its value and the value
 * above which it alarms ({@code billing.alarms.<name>.above}).
 */
public record Gauge(String name, String help, long value, long above)
    implements java.io.Serializable {

  /** Whether it is past its threshold. */
  public boolean alarming() {
    return value > above;
  }
}
