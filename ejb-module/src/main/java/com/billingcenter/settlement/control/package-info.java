/**
 * Settlement methods as an extension point. Each method (the Billing Center account, AWS account,
 * later Alibaba Cloud or Huawei Cloud) is one CDI bean implementing {@link
 * com.billingcenter.settlement.control.SettlementMethod}; {@link
 * com.billingcenter.settlement.control.SettlementMethods} finds them all. Adding a method is adding
 * a bean (and its site codes in the sites file); no other method's code changes.
 */
package com.billingcenter.settlement.control;
