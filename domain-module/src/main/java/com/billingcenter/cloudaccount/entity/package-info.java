/**
 * Cloud accounts: a marketplace buyer (an AWS account's license today; Alibaba Cloud or Huawei
 * Cloud later) that can pay for workspaces. Provider-neutral: the provider is a code, and nothing
 * here knows a marketplace's API. Owns the {@code cloud_account} table; refers to the owning
 * Billing Center account by id only.
 */
package com.billingcenter.cloudaccount.entity;
