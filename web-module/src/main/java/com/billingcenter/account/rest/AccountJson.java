package com.billingcenter.account.rest;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Person;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A Billing Center account as the API shows it; never the password hash. */
@Schema(name = "Account", description = "A Billing Center account.")
public record AccountJson(
    @Schema(description = "User name; unique, never changes.") String username,
    @Schema(description = "Login account (e-mail address), lower case.") String loginAccount,
    @Schema(description = "When the account was registered (UTC).") Instant createdAt,
    @Schema(description = "Who called: the account's own user name or a team member's.")
        String signedInAs,
    @Schema(
            description = "The caller's role in the account.",
            enumeration = {"owner", "admin", "finance", "viewer"})
        String role) {

  static AccountJson of(BillingAccount account, Person caller) {
    return new AccountJson(
        account.username(),
        account.loginAccount(),
        account.createdAt(),
        caller.name(),
        caller.role().code());
  }
}
