package com.billingcenter.system.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.boundary.ApiTokens;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Person;
import com.billingcenter.platform.control.TokenTable;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.SettledCustomers;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A customer's API token, with a fixed clock: it opens the API until its last second, not after.
 */
class ApiTokensArquillianIT extends ContainerTest {

  @Inject Accounts accounts;
  @Inject ApiTokens tokens;

  @Test
  void aTokenEndsWhenItExpires() {
    clock.set(Instant.parse("2026-11-02T09:00:00Z"));
    String username = "expiring-" + UUID.randomUUID().toString().substring(0, 8);
    BillingAccount account =
        accounts.register(username, username + "@example.org", SettledCustomers.PASSWORD);
    TokenTable.Made made = tokens.make(Person.ownLogin(account), "nightly", "READ", 1);
    assertEquals(Instant.parse("2026-11-03T09:00:00Z"), made.token().expiresAt());
    clock.set(made.token().expiresAt().minusSeconds(1));
    ApiTokens.TokenCaller caller = tokens.caller(made.value()).orElseThrow();
    assertEquals(username, caller.username());
    assertEquals(ApiTokens.Scope.READ, caller.scope());
    clock.set(made.token().expiresAt());
    assertTrue(tokens.caller(made.value()).isEmpty(), "expired");
    clock.set(made.token().expiresAt().minus(Duration.ofHours(2)));
    assertTrue(tokens.revoke(Person.ownLogin(account), made.token().id()));
    assertTrue(tokens.caller(made.value()).isEmpty(), "revoked");
  }
}
