package com.billingcenter.workspace.boundary;

import com.billingcenter.platform.entity.RuleViolation;

/** No workspace with this id belongs to the caller: either none exists or another account's. */
public class WorkspaceNotFound extends RuleViolation {

  public static final String CODE = "workspace.notFound";

  public WorkspaceNotFound() {
    super(CODE, "There is no such workspace.");
  }
}
