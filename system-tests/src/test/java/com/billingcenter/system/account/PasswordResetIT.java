package com.billingcenter.system.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.Mails;
import com.billingcenter.system.support.PageSession;
import com.billingcenter.system.support.SecurityPromise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Forgot password, as a customer uses it: the login page's link, a mailed link that works once
 * within an hour, the same answer whether or not the account exists, at most three mails an hour
 * for one account, and a reset that ends every session of the account. (The per-address limit is in
 * {@code security.ClientLimitsIT}, whose server keeps it as shipped; the hour's expiry in {@code
 * MailedLinkTest}.)
 */
@SecurityPromise
class PasswordResetIT {

  private static final String PASSWORD = "Before-reset-2026";
  private static final String NEW_PASSWORD = "After-reset-2026";
  private static final String SUBJECT = "Reset your Billing Center password";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private static final String CONFIRM = "Confirm your e-mail address for the Billing Center";

  /**
   * Registers {@code user} and confirms its login e-mail address by the link mailed for it, as a
   * customer does: only a confirmed address is sent reset links.
   */
  private String confirmed(String user) throws Exception {
    Http.register(server, user, PASSWORD);
    String link =
        Mails.link(
            Mails.await(server, mailOf(user), CONFIRM),
            server.uri("/verify-email.xhtml?token=").toString());
    var page = new PageSession(server).open(link.substring(server.base().toString().length() - 1));
    assertTrue(page.body().contains("is confirmed"), page.body());
    return user;
  }

  private static String mailOf(String user) {
    return user + "@example.com";
  }

  /** Asks for a link on the forgot page and answers the text the page then shows. */
  private static String ask(PageSession session, String nameOrLogin) throws Exception {
    var answer =
        session.submit(
            "/forgot-password.xhtml?lang=en", "forgot", Map.of("name", nameOrLogin, "send", ""));
    assertEquals(200, answer.statusCode(), answer.body());
    return answer.body();
  }

  private static String message(String page) {
    var m = Pattern.compile("ui-messages-info-summary\">([^<]*)<").matcher(page);
    return m.find() ? m.group(1) : "(no message)";
  }

  private String linkPath(String mail) {
    String link = Mails.link(mail, server.uri("/reset-password.xhtml?token=").toString());
    return link.substring(server.base().toString().length() - 1);
  }

  @Test
  void aMailedLinkSetsANewPasswordOnceAndEndsEverySession() throws Exception {
    String user = confirmed(Http.uniqueName("reset"));
    PageSession signedIn = new PageSession(server);
    signedIn.logIn(user, PASSWORD);

    PageSession forgetful = new PageSession(server);
    assertTrue(
        forgetful.get("/login.xhtml?lang=en").body().contains("forgot-password.xhtml"),
        "the login page links to Forgot password");
    String answer = ask(forgetful, mailOf(user).toUpperCase());
    assertTrue(message(answer).startsWith("If an account matches"), answer);

    String mail = Mails.await(server, mailOf(user), SUBJECT);
    assertTrue(mail.contains("Billing Center account " + user), mail);
    String link = linkPath(mail);
    // The token leaves the URL at the first request: a cookie for the reset page only, and a
    // redirect to the page without it (nothing to log, keep in history or send as Referer).
    var first = forgetful.get(link);
    assertEquals(303, first.statusCode(), first.body());
    String location = first.headers().firstValue("Location").orElse("");
    assertTrue(location.endsWith("/reset-password.xhtml"), location);
    String cookie = first.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(cookie.startsWith("BC_RESET=" + link.substring(link.indexOf("token=") + 6)), cookie);
    assertTrue(cookie.contains("; Path=/reset-password.xhtml; HttpOnly; SameSite=Lax"), cookie);
    var page = forgetful.open(link);
    assertTrue(page.body().contains("A new password for " + user), page.body());

    // A weak password is refused and the link still works.
    var weak =
        forgetful.submitOn(
            page.body(),
            link,
            "reset",
            Map.of("password", "short", "confirmation", "short", "save", ""));
    assertTrue(weak.body().contains("at least 10 characters"), weak.body());
    assertEquals(200, Http.get(server.uri("/api/v1/account"), user, PASSWORD).statusCode());

    var done =
        forgetful.submit(
            link,
            "reset",
            Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD, "save", ""));
    assertEquals(302, done.statusCode(), done.body());
    assertTrue(done.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));

    assertFalse(signedIn.signedIn(), "the reset signed the other session out");
    assertEquals(401, Http.get(server.uri("/api/v1/account"), user, PASSWORD).statusCode());
    assertEquals(200, Http.get(server.uri("/api/v1/account"), user, NEW_PASSWORD).statusCode());
    new PageSession(server).logIn(user, NEW_PASSWORD);

    // Used up: the link opens nothing any more.
    var again = new PageSession(server).open(link);
    assertTrue(again.body().contains("This link is not valid any more"), again.body());
    assertFalse(again.body().contains("reset:password"), again.body());
    String audit = Http.get(server.uri("/api/v1/audit"), user, NEW_PASSWORD).body();
    assertTrue(audit.contains("account.passwordResetRequested"), audit);
    assertTrue(audit.contains("account.passwordReset\""), audit);
  }

  @Test
  void anUnknownAccountGetsTheSameAnswerAndNoMail() throws Exception {
    String user = confirmed(Http.uniqueName("known"));
    String stranger = Http.uniqueName("nobody") + "@example.com";
    String forStranger = message(ask(new PageSession(server), stranger));
    String forUser = message(ask(new PageSession(server), user));
    assertEquals(forUser, forStranger, "the same answer");
    Mails.await(server, mailOf(user), SUBJECT);
    assertTrue(Mails.to(server, stranger, SUBJECT).isEmpty(), "nothing mailed to a stranger");
  }

  @Test
  void aForgedOrMalformedTokenOpensNothing() throws Exception {
    PageSession session = new PageSession(server);
    for (String token :
        new String[] {
          "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%27%20OR%201%3D1--", "x".repeat(5000), ""
        }) {
      var page = session.open("/reset-password.xhtml?lang=en&token=" + token);
      assertEquals(200, page.statusCode(), token);
      assertTrue(page.body().contains("This link is not valid any more"), page.body());
      assertFalse(page.body().contains("reset:password"), "no form for " + token);
    }
  }

  @Test
  void oneAccountIsMailedAtMostThreeLinksAnHour() throws Exception {
    String user = confirmed(Http.uniqueName("often"));
    for (int i = 0; i < 5; i++) {
      assertTrue(message(ask(new PageSession(server), user)).startsWith("If an account matches"));
    }
    assertAtMostThreeOf(5, user);
  }

  /** A password changed on the account page or the API withdraws the reset links asked before. */
  @Test
  void aPasswordChangeWithdrawsTheLinksAskedBefore() throws Exception {
    String user = confirmed(Http.uniqueName("withdrawn"));
    ask(new PageSession(server), user);
    String link = linkPath(Mails.await(server, mailOf(user), SUBJECT));
    assertEquals(204, Http.changePassword(server, user, PASSWORD, NEW_PASSWORD).statusCode());
    var page = new PageSession(server).open(link);
    assertTrue(page.body().contains("This link is not valid any more"), page.body());
    assertFalse(page.body().contains("reset:password"), "no form");
  }

  /** Ten requests for one account at once are counted one after another: three mails. */
  @Test
  void parallelRequestsForOneAccountStillGetAtMostThreeLinks() throws Exception {
    String user = confirmed(Http.uniqueName("parallel"));
    List<CompletableFuture<String>> asked = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      asked.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return message(ask(new PageSession(server), user));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    for (var answer : asked) {
      assertTrue(answer.get().startsWith("If an account matches"), answer.get());
    }
    assertAtMostThreeOf(10, user);
  }

  /**
   * The requests are answered at once and handled in the background: once the audit log holds each
   * of the {@code asked} (a link issued, or refused), three were issued and three mails sent.
   */
  private void assertAtMostThreeOf(int asked, String user) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    long issued = 0;
    long refused = 0;
    while (issued + refused < asked && System.nanoTime() < deadline) {
      String audit = Http.get(server.uri("/api/v1/audit?size=100"), user, PASSWORD).body();
      issued =
          Pattern.compile("\"account\\.passwordResetRequested\"").matcher(audit).results().count();
      refused =
          Pattern.compile("\"account\\.passwordResetRefused\"").matcher(audit).results().count();
      if (issued + refused < asked) {
        Thread.sleep(100);
      }
    }
    assertEquals(asked, issued + refused, "every request handled");
    assertEquals(3, issued, "three links issued");
    while (Mails.to(server, mailOf(user), SUBJECT).size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(3, Mails.to(server, mailOf(user), SUBJECT).size());
  }

  /**
   * A login e-mail address never confirmed gets no reset link (it may be someone else's, typed
   * wrongly); the asker gets the same answer. Once confirmed, it does; the link works once.
   */
  @Test
  void anUnconfirmedAddressGetsNoResetLinkUntilConfirmed() throws Exception {
    String user = Http.register(server, Http.uniqueName("unconfirmed"), PASSWORD);
    String confirmation = Mails.await(server, mailOf(user), CONFIRM);
    assertTrue(message(ask(new PageSession(server), user)).startsWith("If an account matches"));
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    String audit = "";
    while (!audit.contains("account.passwordResetRefused") && System.nanoTime() < deadline) {
      audit = Http.get(server.uri("/api/v1/audit"), user, PASSWORD).body();
      Thread.sleep(100);
    }
    assertTrue(audit.contains("account.passwordResetRefused"), "handled and refused: " + audit);
    assertTrue(Mails.to(server, mailOf(user), SUBJECT).isEmpty(), "no reset link mailed");

    String link =
        Mails.link(confirmation, server.uri("/verify-email.xhtml?token=").toString())
            .substring(server.base().toString().length() - 1);
    var first = new PageSession(server).get(link);
    assertEquals(303, first.statusCode(), "the token leaves the URL");
    assertTrue(new PageSession(server).open(link).body().contains("is confirmed"));
    assertTrue(
        new PageSession(server).open(link).body().contains("This link is not valid any more"),
        "it works once");
    ask(new PageSession(server), user);
    assertTrue(Mails.await(server, mailOf(user), SUBJECT).contains(user));
  }
}
