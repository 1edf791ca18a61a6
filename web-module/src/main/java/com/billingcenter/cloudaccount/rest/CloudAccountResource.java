package com.billingcenter.cloudaccount.rest;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.cloudaccount.boundary.CloudAccounts;
import com.billingcenter.cloudaccount.control.RecordedEntitlements;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.control.Entitlement;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's cloud accounts. */
@Path("v1/cloud-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cloud accounts", description = "AWS accounts (licenses) that pay for workspaces")
@SecurityRequirement(name = "basic")
public class CloudAccountResource {

  @Inject Accounts accounts;
  @Inject CloudAccounts cloudAccounts;

  /** A workspace a cloud account settles. */
  public record SettledWorkspaceJson(long id, String name, String siteCode) {}

  /**
   * A cloud account: {@code licenseArn} for current AWS products, {@code customerIdentifier} for
   * legacy ones; while ending, the end of its final metering hour; once ended, when; and the
   * contract's entitlements as AWS last reported them.
   */
  public record CloudAccountJson(
      long id,
      String provider,
      String accountId,
      String licenseArn,
      String customerIdentifier,
      String productCode,
      String status,
      Instant since,
      Instant finalMeteringUntil,
      Instant endedAt,
      List<Entitlement> entitlements,
      List<SettledWorkspaceJson> workspaces) {

    static CloudAccountJson of(CloudAccount c, List<Workspace> settled) {
      return new CloudAccountJson(
          c.id(),
          c.provider(),
          c.providerAccountId(),
          c.licenseArn(),
          c.customerIdentifier(),
          c.productCode(),
          c.status().name().toLowerCase(Locale.ROOT),
          c.createdAt(),
          c.finalMeteringUntil(),
          c.endedAt(),
          RecordedEntitlements.of(c),
          settled.stream()
              .map(w -> new SettledWorkspaceJson(w.id(), w.name(), w.siteCode()))
              .toList());
    }
  }

  @GET
  @Operation(
      summary = "The cloud accounts",
      description = "Every cloud account set up by the caller, with the workspaces it settles.")
  public List<CloudAccountJson> all(@Context SecurityContext security) {
    var owner = accounts.require(security.getUserPrincipal().getName());
    return cloudAccounts.withWorkspaces(owner).entrySet().stream()
        .map(e -> CloudAccountJson.of(e.getKey(), e.getValue()))
        .toList();
  }
}
