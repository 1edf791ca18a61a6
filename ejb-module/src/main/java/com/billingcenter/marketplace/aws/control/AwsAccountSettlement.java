package com.billingcenter.marketplace.aws.control;

import com.billingcenter.cloudaccount.control.CloudAccountSettlement;
import jakarta.enterprise.context.ApplicationScoped;

/** "AWS Account Settlement": a workspace's usage is metered to one of the owner's AWS licenses. */
@ApplicationScoped
public class AwsAccountSettlement extends CloudAccountSettlement {

  public static final String CODE = "aws";

  @Override
  public String code() {
    return CODE;
  }
}
