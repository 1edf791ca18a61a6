package com.billingcenter.metering.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** What one metering run did: which instance, when, how much, and how it ended. */
@Entity
@Table(name = "metering_run")
@NamedQuery(name = MeteringRun.NEWEST, query = "select r from MeteringRun r order by r.id desc")
public class MeteringRun {

  public static final String NEWEST = "MeteringRun.newest";

  /** How a run ended; {@code RUNNING} until it does. */
  public enum Outcome {
    RUNNING,
    /** Everything computed was answered. */
    DONE,
    /** Some records wait for a later run (throttling, AWS errors, unprocessed records). */
    PARTIAL,
    /** The run stopped on an error; the next run goes on from where it stopped. */
    FAILED,
    /** Another instance took the lease over (this one was too slow or paused). */
    LEASE_LOST
  }

  @Id
  @SequenceGenerator(
      name = "metering_run_seq",
      sequenceName = "metering_run_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "metering_run_seq")
  private Long id;

  @Column(nullable = false, updatable = false, length = 128)
  private String holder;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "hours_computed", nullable = false)
  private int hoursComputed;

  @Column(name = "records_written", nullable = false)
  private int recordsWritten;

  @Column(name = "records_sent", nullable = false)
  private int recordsSent;

  @Column(name = "records_pending", nullable = false)
  private int recordsPending;

  @Column(name = "records_flagged", nullable = false)
  private int recordsFlagged;

  @Column(nullable = false)
  private int calls;

  @Column(nullable = false, length = 16)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Outcome outcome;

  @Column(length = 500)
  private String message;

  protected MeteringRun() {}

  public static MeteringRun started(String holder, Instant at) {
    MeteringRun run = new MeteringRun();
    run.holder = holder;
    run.startedAt = at;
    run.outcome = Outcome.RUNNING;
    return run;
  }

  /** Adds what one step of the run did. */
  public void add(int hours, int written, int sent, int flagged, int callsMade) {
    hoursComputed += hours;
    recordsWritten += written;
    recordsSent += sent;
    recordsFlagged += flagged;
    calls += callsMade;
  }

  public void finish(Outcome how, int stillPending, String why, Instant at) {
    outcome = how;
    recordsPending = stillPending;
    message = why == null ? null : why.length() > 500 ? why.substring(0, 500) : why;
    finishedAt = at;
  }

  public Long id() {
    return id;
  }

  public String holder() {
    return holder;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public int hoursComputed() {
    return hoursComputed;
  }

  public int recordsWritten() {
    return recordsWritten;
  }

  public int recordsSent() {
    return recordsSent;
  }

  public int recordsPending() {
    return recordsPending;
  }

  public int recordsFlagged() {
    return recordsFlagged;
  }

  public int calls() {
    return calls;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String message() {
    return message;
  }
}
