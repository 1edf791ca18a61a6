package com.billingcenter.usage.control;

import java.util.List;

/**
 * A batch of usage was refused as a whole; {@link #problems()} says why, record by record. Nothing
 * of the batch was stored.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class UsageRefused extends RuntimeException {

  /** What is wrong with the record at {@code index} (0-based) of the batch. */
  public record Problem(int index, String id, String reason) {}

  private final List<Problem> problems;

  /** Whether a record is of a workspace that may take no usage now: the site is forbidden it. */
  private final boolean forbidden;

  public UsageRefused(String message, List<Problem> problems) {
    this(message, problems, false);
  }

  public UsageRefused(String message, List<Problem> problems, boolean forbidden) {
    super(message);
    this.problems = List.copyOf(problems);
    this.forbidden = forbidden;
  }

  /**
   * Whether the batch holds usage of a workspace locked again soon after an earlier lock, which
   * takes none until it is unlocked (the API answers 403 then, not 422).
   */
  public boolean forbidden() {
    return forbidden;
  }

  public List<Problem> problems() {
    return problems;
  }
}
