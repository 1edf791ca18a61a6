package com.billingcenter.workspace.entity;

/**
 * Whether a workspace can be used. A locked workspace's data can still be viewed and it can still
 * take data until its countdown ends; then it is fully locked and takes no new data. A locked
 * workspace its owner dissolved is gone: in no list, taking no data, kept only for its bills.
 */
public enum WorkspaceStatus {
  ACTIVE,
  LOCKED,
  FULLY_LOCKED,
  DISSOLVED
}
