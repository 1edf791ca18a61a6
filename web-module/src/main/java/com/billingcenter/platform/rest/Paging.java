package com.billingcenter.platform.rest;

import com.billingcenter.platform.entity.RuleViolation;

/** The {@code page} and {@code size} query parameters of a list: checked, then its first row. */
public final class Paging {

  private Paging() {}

  /**
   * The index of the first row of {@code page} (from 1) of {@code size} rows (1 to {@code max}).
   *
   * @throws RuleViolation {@code page.invalid} (an API 400) for anything else
   */
  public static int firstRow(int page, int size, int max, String rows) {
    if (page < 1 || size < 1 || size > max) {
      throw new RuleViolation(
          "page.invalid", "Pages are numbered from 1 and hold 1 to " + max + " " + rows + ".");
    }
    return Math.multiplyExact(page - 1, size);
  }
}
