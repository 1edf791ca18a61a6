package com.billingcenter.system.support;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.marketplace.aws.eventbridge.EventBridgeEvents;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Inside the container ({@link ContainerDeployment}): customers whose workspace a sandbox buyer's
 * license settles, and AWS's EventBridge events about them, in the shapes of the Seller Guide
 * ("Amazon EventBridge events"), read by the endpoint's own reader and applied.
 */
@Dependent
public class AwsBuyers {

  /** A customer whose workspace a sandbox buyer's license settles, its agreement linked. */
  public record Buyer(
      BillingAccount owner,
      long cloudAccountId,
      String awsAccountId,
      String productCode,
      String license,
      String agreement,
      Workspace workspace) {}

  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject SubscriptionLifecycle lifecycle;
  @Inject MovableClock clock;
  @Inject com.billingcenter.usage.boundary.UsageIntake usage;
  @Inject com.billingcenter.metering.boundary.Metering metering;
  @Inject UserTransaction transaction;
  @PersistenceContext EntityManager em;

  /**
   * A new sandbox buyer of {@code offer} (JSON, or null for the public offer), bound now to a new
   * customer whose new workspace it settles; its License Updated delivered, linking its agreement.
   */
  public Buyer settled(String prefix, String offer) throws Exception {
    String awsAccountId =
        Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    JsonObject sandbox =
        SandboxCalls.object(
            "POST",
            "/api/buyers",
            "{\"awsAccountId\": \"%s\", \"sendEvents\": false, \"acceptedAt\": \"%s\"%s}"
                .formatted(
                    awsAccountId, clock.instant(), offer == null ? "" : ", \"offer\": " + offer));
    String license = sandbox.getString("licenseArn");
    String username = prefix + UUID.randomUUID().toString().substring(0, 8);
    BillingAccount owner =
        accounts.register(username, username + "@example.org", SettledCustomers.PASSWORD);
    transaction.begin();
    CloudAccount account =
        CloudAccount.buyer(
            "aws",
            awsAccountId,
            AwsLicenses.of(license, null),
            sandbox.getString("productCode"),
            clock);
    account.bindTo(owner.id(), clock.instant());
    em.persist(account);
    transaction.commit();
    Workspace workspace =
        workspaces.create(owner, prefix + "ws", "us1", "en", Plan.COMMERCIAL, "aws", account.id());
    Buyer buyer =
        new Buyer(
            owner,
            account.id(),
            awsAccountId,
            sandbox.getString("productCode"),
            license,
            sandbox.getString("agreementId"),
            workspace);
    deliver(licenseEvent("License Updated", buyer, buyer.agreement(), license, clock.instant()));
    return buyer;
  }

  /**
   * The site reports that the workspace used {@code quantity} of {@code item} in {@code hour}, five
   * minutes into it (the clock is set then).
   */
  public void used(String site, long workspace, String item, Instant hour, long quantity) {
    clock.set(hour.plus(java.time.Duration.ofMinutes(5)));
    usage.receive(
        site,
        java.util.List.of(SettledCustomers.used(workspace, item, hour, quantity)),
        java.util.Map.of());
  }

  /** The buyer's workspace (on us1) used {@code dataPoints} million data points in the hour. */
  public void used(Buyer buyer, Instant hour, long dataPoints) {
    used("us1", buyer.workspace().id(), "data-points", hour, dataPoints);
  }

  /**
   * Every hour up to {@code lastHour} metered and sent: the clock is set past the hour's close and
   * metering runs until nothing is pending.
   */
  public void meteredThrough(Instant lastHour) {
    clock.set(lastHour.plus(java.time.Duration.ofMinutes(76)));
    for (int i = 0; i < 10 && metering.run().recordsPending() > 0; i++) {
      // the next run sends what this one left
    }
  }

  /** An event as EventBridge delivers it, read by the endpoint's reader and applied. */
  public SubscriptionLifecycle.Receipt deliver(String event) {
    return lifecycle.receive(
        EventBridgeEvents.read(
                event.getBytes(StandardCharsets.UTF_8),
                "eventbridge",
                "aws",
                "billing-center-product")
            .event(),
        event);
  }

  private static String envelope(String detailType, Instant at, String agreement, String detail) {
    return """
        {"version": "0", "id": "%s", "detail-type": "%s", "source": "aws.agreement-marketplace",
         "account": "000000000000", "time": "%s", "region": "us-east-1",
         "resources": ["arn:aws:aws-marketplace::aws:agreement:%s"], "detail": %s}"""
        .formatted(UUID.randomUUID(), detailType, at, agreement, detail);
  }

  /** License Updated or License Deprovisioned - Manufacturer (Events for licenses). */
  public static String licenseEvent(
      String kind, Buyer buyer, String agreement, String license, Instant at) {
    return envelope(
        kind + " - Manufacturer",
        at,
        agreement,
        """
        {"requestId": "%s", "catalog": "AWSMarketplace", "agreement": {"id": "%s"},
         "product": {"code": "%s", "id": "prod-sandbox"}, "license": {"arn": "%s"},
         "acceptor": {"accountId": "%s"}, "proposer": {"accountId": "000000000000"},
         "offer": {"id": "offer-sandbox"}}"""
            .formatted(
                UUID.randomUUID(), agreement, buyer.productCode(), license, buyer.awsAccountId()));
  }

  /** Purchase Agreement Created or Ended - Proposer (Events for agreements). */
  public static String agreementEvent(
      String kind, Buyer buyer, String agreement, String agreementFields, Instant at) {
    return envelope(
        "Purchase Agreement " + kind + " - Proposer",
        at,
        agreement,
        """
        {"requestId": "%s", "catalog": "AWSMarketplace",
         "agreement": {"id": "%s", %s},
         "acceptor": {"accountId": "%s"}, "proposer": {"accountId": "000000000000"},
         "offer": {"id": "offer-sandbox"}}"""
            .formatted(UUID.randomUUID(), agreement, agreementFields, buyer.awsAccountId()));
  }
}
