package com.billingcenter.metering.control;

/**
 * The one rule of who pays for an hour of usage, as SQL: a usage row ({@code u}) joined to the
 * settlement period ({@code p}) of its workspace that was in effect when the usage's hour began.
 * Append {@code AND …} conditions to it.
 */
public final class SettledUsage {

  private SettledUsage() {}

  /** The newest period begun by the hour's start; of two begun at once, the later written. */
  private static final String IN_EFFECT =
      " WHERE p.valid_from <= u.usage_hour AND NOT EXISTS (SELECT 1 FROM settlement_period q"
          + " WHERE q.workspace_id = p.workspace_id AND q.valid_from <= u.usage_hour"
          + " AND (q.valid_from > p.valid_from OR (q.valid_from = p.valid_from AND q.id > p.id)))";

  public static final String FROM =
      " FROM usage_record u JOIN settlement_period p ON p.workspace_id = u.workspace_id"
          + IN_EFFECT;

  /** The same, with the usage's workspace as {@code w}. */
  public static final String FROM_WITH_WORKSPACE =
      " FROM usage_record u JOIN workspace w ON w.id = u.workspace_id"
          + " JOIN settlement_period p ON p.workspace_id = u.workspace_id"
          + IN_EFFECT;
}
