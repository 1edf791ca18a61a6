package com.billingcenter.cloudaccount.entity;

/**
 * Where a cloud account is in its life. Only an active one can settle workspaces; an ending one is
 * still metered for its final hour.
 */
public enum CloudAccountStatus {
  PENDING,
  ACTIVE,
  FAILED,
  ENDING,
  ENDED
}
