package com.billingcenter.operations.web;

import com.billingcenter.operations.boundary.OperationsOverview;
import com.billingcenter.operations.control.Gauge;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * What the console's Metering, Lifecycle events, Month close and Staff actions pages show: the
 * gauges, metering per hour and partition, the licenses AWS no longer takes records for, the
 * waiting and refused lifecycle events, each recent month's close, the staff's actions. Read once a
 * view and kept with it, so that a row's action acts on the row the operator saw (a new event
 * arriving in between does not shift the rows), and read again after an action.
 */
@Named
@ViewScoped
public class OperationsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject OperationsOverview overview;

  private List<Gauge> gauges;
  private List<OperationsOverview.MeteringHour> metering;
  private List<OperationsOverview.NotSubscribed> notSubscribed;
  private List<OperationsOverview.MonthClose> months;
  private List<OperationsOverview.WaitingEvent> waiting;
  private List<OperationsOverview.RefusedEvent> refused;
  private List<OperationsOverview.StaffAction> replays;
  private List<OperationsOverview.StaffAction> staffActions;

  /** Reads everything again, after an action changed it. */
  public void refresh() {
    gauges = null;
    metering = null;
    notSubscribed = null;
    months = null;
    waiting = null;
    refused = null;
    replays = null;
    staffActions = null;
  }

  public List<Gauge> getGauges() {
    if (gauges == null) {
      gauges = overview.gauges();
    }
    return gauges;
  }

  public List<OperationsOverview.MeteringHour> getMetering() {
    if (metering == null) {
      metering = overview.metering();
    }
    return metering;
  }

  public List<OperationsOverview.NotSubscribed> getNotSubscribed() {
    if (notSubscribed == null) {
      notSubscribed = overview.notSubscribed();
    }
    return notSubscribed;
  }

  public List<OperationsOverview.MonthClose> getMonths() {
    if (months == null) {
      months = overview.months();
    }
    return months;
  }

  public List<OperationsOverview.WaitingEvent> getWaiting() {
    if (waiting == null) {
      waiting = overview.waitingEvents();
    }
    return waiting;
  }

  public List<OperationsOverview.RefusedEvent> getRefused() {
    if (refused == null) {
      refused = overview.refusedEvents();
    }
    return refused;
  }

  /** The staff's replays and discards of lifecycle events. */
  public List<OperationsOverview.StaffAction> getReplays() {
    if (replays == null) {
      replays = overview.staffActions("marketplaceEvent.");
    }
    return replays;
  }

  /** Every action of the product's staff, newest first. */
  public List<OperationsOverview.StaffAction> getStaffActions() {
    if (staffActions == null) {
      staffActions = overview.staffActions("");
    }
    return staffActions;
  }
}
