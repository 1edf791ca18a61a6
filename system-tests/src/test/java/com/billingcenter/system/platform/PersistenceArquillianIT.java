package com.billingcenter.system.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.control.AccountIdentityStore;
import com.billingcenter.account.entity.AccountRuleViolation;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.workspace.entity.Settlement;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceLanguage;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Inside Payara Micro (Arquillian, managed): the Micro WAR itself is deployed, and the test runs
 * next to its EJBs, identity store and datasource.
 */
class PersistenceArquillianIT extends ContainerTest {

  @Inject Accounts accounts;
  @Inject AccountIdentityStore identityStore;

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @PersistenceContext EntityManager em;
  @Resource UserTransaction transaction;

  private static String newName() {
    return "arq-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void registeredAccountIsValidatedByItsPasswordOnly() {
    String username = newName();
    var account = accounts.register(username, username + "@Example.org", "Arquillian-2026");
    assertNotEquals("Arquillian-2026", account.passwordHash(), "never stored in clear");
    assertTrue(account.passwordHash().startsWith("PBKDF2WithHmacSHA256:"));
    var valid = identityStore.validate(new UsernamePasswordCredential(username, "Arquillian-2026"));
    assertEquals(CredentialValidationResult.Status.VALID, valid.getStatus());
    assertEquals(username, valid.getCallerPrincipal().getName());
    assertTrue(valid.getCallerGroups().contains("customer"));
    var wrong = identityStore.validate(new UsernamePasswordCredential(username, "Arquillian-2027"));
    assertEquals(CredentialValidationResult.Status.INVALID, wrong.getStatus());
  }

  @Inject jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash weaker;

  @Test
  @SecurityPromise
  void anOlderWeakerHashIsMadeAgainAtTheNextRightSignInAndOnlyThen() throws SQLException {
    String username = newName();
    accounts.register(username, username + "@example.org", "Arquillian-2026");
    weaker.initialize(
        java.util.Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "2000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    String old = weaker.generate("Arquillian-2026".toCharArray());
    String changedAt;
    try (Connection c = dataSource.getConnection();
        var update =
            c.prepareStatement("UPDATE billing_account SET password_hash = ? WHERE username = ?")) {
      update.setString(1, old);
      update.setString(2, username);
      assertEquals(1, update.executeUpdate());
      changedAt = text(c, "password_changed_at", username);
    }
    var wrong = identityStore.validate(new UsernamePasswordCredential(username, "Arquillian-2027"));
    assertEquals(CredentialValidationResult.Status.INVALID, wrong.getStatus());
    try (Connection c = dataSource.getConnection()) {
      assertEquals(old, text(c, "password_hash", username), "a wrong password changes nothing");
    }
    var right = identityStore.validate(new UsernamePasswordCredential(username, "Arquillian-2026"));
    assertEquals(CredentialValidationResult.Status.VALID, right.getStatus());
    try (Connection c = dataSource.getConnection()) {
      String now = text(c, "password_hash", username);
      // The tests' server makes hashes of 10,000 iterations (production: 600,000).
      assertTrue(now.startsWith("PBKDF2WithHmacSHA256:10000:"), now);
      assertEquals(changedAt, text(c, "password_changed_at", username), "not a password change");
    }
    var again = identityStore.validate(new UsernamePasswordCredential(username, "Arquillian-2026"));
    assertEquals(
        CredentialValidationResult.Status.VALID, again.getStatus(), "the new hash verifies");
  }

  private static String text(Connection c, String column, String username) throws SQLException {
    try (var select =
        c.prepareStatement("SELECT " + column + " FROM billing_account WHERE username = ?")) {
      select.setString(1, username);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  @Test
  void takenLoginAccountIsRefusedAndNothingIsStored() throws SQLException {
    String first = newName();
    accounts.register(first, first + "@example.org", "Arquillian-2026");
    String second = newName();
    var refused =
        assertThrows(
            AccountRuleViolation.class,
            () ->
                accounts.register(second, first.toUpperCase() + "@EXAMPLE.ORG", "Arquillian-2026"));
    assertEquals("loginAccount.taken", refused.code());
    assertTrue(accounts.findByUsername(second).isEmpty());
    assertEquals(
        1,
        count(
            "select count(*) from billing_account where login_account = '"
                + first
                + "@example.org'"));
  }

  @Test
  void workspaceIsStoredWithItsLanguageSettlementAndLock() throws Exception {
    String username = newName();
    var owner = accounts.register(username, username + "@example.org", "Arquillian-2026");
    Clock clock = Clock.fixed(Instant.parse("2026-05-03T12:00:00Z"), ZoneOffset.UTC);
    transaction.begin();
    Workspace created =
        Workspace.create(
            owner.id(),
            "<b>生产</b>",
            "us1",
            WorkspaceLanguage.ZH,
            Settlement.cloudAccount("aws", 42),
            clock);
    created.lock("cloudAccount.unsubscribed", clock);
    em.persist(created);
    transaction.commit();

    Workspace read = em.find(Workspace.class, created.id());
    assertEquals("<b>生产</b>", read.name());
    assertEquals(WorkspaceLanguage.ZH, read.language());
    assertEquals(Settlement.cloudAccount("aws", 42), read.settlement());
    assertEquals(WorkspaceStatus.LOCKED, read.status());
    assertEquals(Instant.parse("2026-05-17T12:00:00Z"), read.countdownEnd().orElseThrow());
    assertEquals(
        1,
        em.createNamedQuery(Workspace.BY_OWNER, Workspace.class)
            .setParameter("ownerId", owner.id())
            .getResultList()
            .size());
  }

  @Test
  void schemaIsOwnedByFlywayMigrations() throws SQLException {
    assertTrue(
        count("select count(*) from \"flyway_schema_history\" where \"success\" = true") >= 2);
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
