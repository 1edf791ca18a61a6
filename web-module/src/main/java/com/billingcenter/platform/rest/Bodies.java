package com.billingcenter.platform.rest;

import com.billingcenter.platform.entity.RuleViolation;

/** The JSON bodies of the API's calls. */
public final class Bodies {

  private Bodies() {}

  /**
   * The call's body; without one, a 400 {@code body.missing} that says what it must hold ({@code
   * holding}, e.g. "the workspace").
   */
  public static <T> T required(T body, String holding) {
    if (body == null) {
      throw new RuleViolation("body.missing", "A JSON body with " + holding + " is required.");
    }
    return body;
  }
}
