package com.billingcenter.system.support;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.bill.control.Bill;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.usage.entity.ReportedUsage;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Inside the container ({@link ContainerDeployment}): customers whose new workspace an AWS account
 * of theirs settles, the lifecycle messages AWS sends about that account, and the usage and bill
 * lines the tests compare.
 */
@Dependent
public class SettledCustomers {

  public static final String PASSWORD = "Arquillian-2026";

  /** A customer, the license of their AWS account, and the workspace it settles. */
  public record Settled(BillingAccount owner, String license, Workspace workspace) {}

  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject SubscriptionLifecycle lifecycle;
  @Inject Clock clock;
  @Inject UserTransaction transaction;
  @PersistenceContext EntityManager em;

  /**
   * A new customer whose new workspace ({@code name}) is settled by a new AWS account of theirs.
   */
  public Settled settledWorkspace(String prefix, String name, String language) throws Exception {
    String username = prefix + UUID.randomUUID().toString().substring(0, 8);
    BillingAccount owner = accounts.register(username, username + "@example.org", PASSWORD);
    Workspace workspace = workspaces.create(owner, name, "us1", language, Plan.COMMERCIAL);
    return new Settled(owner, settleByNewLicense(owner, workspace), workspace);
  }

  /**
   * The owner subscribes (again) with a new license, whose cloud account then settles the workspace
   * (unlocking it if it was locked); answers the license.
   */
  public String settleByNewLicense(BillingAccount owner, Workspace workspace) throws Exception {
    String license = "arn:aws:license-manager::1:license:l-" + UUID.randomUUID();
    transaction.begin();
    CloudAccount account =
        CloudAccount.buyer(
            "aws", "123456789012", AwsLicenses.of(license, null), "billing-center-product", clock);
    account.bindTo(owner.id());
    em.persist(account);
    transaction.commit();
    workspaces.changeSettlement(owner, workspace.id(), "aws", account.id());
    return license;
  }

  /**
   * AWS's message that the license's subscription changed at {@code at}, as EventBridge brings it.
   */
  public SubscriptionLifecycle.Receipt receive(
      String license, SubscriptionChange change, Instant at) {
    return lifecycle.receive(
        new SubscriptionEvent(
            "eventbridge",
            UUID.randomUUID().toString(),
            "aws",
            AwsLicenses.key(license, null),
            null,
            null,
            change,
            at));
  }

  /** A usage record of its own id. */
  public static ReportedUsage used(long workspace, String item, Instant hour, long quantity) {
    return new ReportedUsage("u-" + UUID.randomUUID(), workspace, item, hour, quantity);
  }

  /** A bill's lines as "group kind quantity", in order. */
  public static List<String> summary(Bill bill) {
    return bill.lines().stream().map(l -> l.group() + " " + l.kind() + " " + l.quantity()).toList();
  }
}
