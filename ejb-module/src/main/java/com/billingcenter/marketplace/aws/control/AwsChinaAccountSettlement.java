package com.billingcenter.marketplace.aws.control;

import com.billingcenter.cloudaccount.control.CloudAccountSettlement;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * AWS Account Settlement in AWS's China partition: a workspace's usage is metered to one of the
 * owner's licenses from the China Marketplace, which is separate from the global one. Sites choose
 * it in the sites file ({@code cn2}); a license of one partition never settles the other's sites.
 */
@ApplicationScoped
public class AwsChinaAccountSettlement extends CloudAccountSettlement {

  public static final String CODE = AwsMarketplace.CHINA;

  @Override
  public String code() {
    return CODE;
  }
}
