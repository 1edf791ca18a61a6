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

  public UsageRefused(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
