package com.billingcenter.workspace.entity;

/** What a workspace is billed under. */
public enum Plan {
  FREE,
  COMMERCIAL
}
