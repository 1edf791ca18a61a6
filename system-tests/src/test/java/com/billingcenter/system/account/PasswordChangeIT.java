package com.billingcenter.system.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.PageSession;
import com.billingcenter.system.support.SecurityPromise;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The account page's current-password check is throttled like a sign-in: a stolen session cannot be
 * used to guess the password (the pair rule, 5 failures, stays as shipped on the shared server).
 */
@SecurityPromise
class PasswordChangeIT {

  private static final String PASSWORD = "Before-change-2026";
  private static final String NEW_PASSWORD = "After-change-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private static String attempt(PageSession session, String current) throws Exception {
    var answer =
        session.submit(
            "/account.xhtml?lang=en",
            "password",
            Map.of(
                "current",
                current,
                "newPassword",
                NEW_PASSWORD,
                "confirmation",
                NEW_PASSWORD,
                "save",
                ""));
    assertEquals(200, answer.statusCode(), answer.body());
    return answer.body();
  }

  @Test
  void wrongCurrentPasswordsOnTheAccountPageCountAsFailedSignIns() throws Exception {
    String user = Http.register(server, Http.uniqueName("guessed"), PASSWORD);
    String hash = hashOf(user);
    PageSession stolen = new PageSession(server);
    stolen.logIn(user, PASSWORD);
    for (int i = 0; i < 5; i++) {
      String page = attempt(stolen, "Guess-number-" + i + "x");
      assertTrue(page.contains("The current password is not correct"), page);
    }
    // Past the limit even the right password is not checked, and nothing changes; the pair's
    // sign-ins are refused too, as after as many failed sign-ins.
    String page = attempt(stolen, PASSWORD);
    assertTrue(page.contains("Too many wrong passwords"), page);
    assertEquals(hash, hashOf(user), "the password is unchanged");
    assertEquals(429, Http.get(server.uri("/api/v1/account"), user, PASSWORD).statusCode());
  }

  private String hashOf(String user) throws Exception {
    try (Connection db = Database.connect(server);
        PreparedStatement query =
            db.prepareStatement("SELECT password_hash FROM billing_account WHERE username = ?")) {
      query.setString(1, user);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        return row.getString(1);
      }
    }
  }
}
