package com.billingcenter.workspace.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * How a workspace's cost is settled: by the Billing Center account itself, or by one of the
 * account's cloud accounts (an AWS Marketplace license today, other clouds later). The method is a
 * code, not an enum, so that a new cloud is added without touching this class.
 */
@Embeddable
public class Settlement {

  /** The customer pays the Billing Center directly; the default. */
  public static final String BILLING_CENTER = "billing-center";

  /**
   * No method: the cloud account that settled the workspace went away (the customer unsubscribed)
   * and the workspace is locked until the customer chooses a new method.
   */
  public static final String NONE = "none";

  @Column(name = "settlement_method", nullable = false, length = 32)
  private String method;

  @Column(name = "cloud_account_id")
  private Long cloudAccountId;

  protected Settlement() {}

  private Settlement(String method, Long cloudAccountId) {
    this.method = method;
    this.cloudAccountId = cloudAccountId;
  }

  public static Settlement billingCenterAccount() {
    return new Settlement(BILLING_CENTER, null);
  }

  /** No settlement method; see {@link #NONE}. */
  public static Settlement none() {
    return new Settlement(NONE, null);
  }

  /** Settlement through a cloud account of the given provider, e.g. {@code aws}. */
  public static Settlement cloudAccount(String provider, long cloudAccountId) {
    if (provider == null
        || provider.isBlank()
        || BILLING_CENTER.equals(provider)
        || NONE.equals(provider)) {
      throw new IllegalArgumentException("A cloud settlement names its provider, e.g. 'aws'.");
    }
    return new Settlement(provider, cloudAccountId);
  }

  public String method() {
    return method;
  }

  /** The cloud account that pays, or null for the Billing Center account. */
  public Long cloudAccountId() {
    return cloudAccountId;
  }

  public boolean isCloudAccount() {
    return cloudAccountId != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Settlement that
        && method.equals(that.method)
        && Objects.equals(cloudAccountId, that.cloudAccountId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, cloudAccountId);
  }

  @Override
  public String toString() {
    return cloudAccountId == null ? method : method + ":" + cloudAccountId;
  }
}
