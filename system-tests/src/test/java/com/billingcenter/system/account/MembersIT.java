package com.billingcenter.system.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.Mails;
import com.billingcenter.system.support.PageSession;
import com.billingcenter.system.support.Teams;
import com.billingcenter.system.support.WorkspaceCalls;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A customer is a team, on the shared server: an owner invites a finance member by e-mail, who
 * joins on the mailed link's page, reads bills (the CSV) but may not change a settlement method
 * (the API refuses, the page shows no button); a role lowered while a page is open is refused at
 * the next click; the audit log names the person; removing the member ends their session and
 * credentials at once; an invitation works once, and bad input invites nobody.
 */
class MembersIT {

  private static final String PASSWORD = "Customer-2026-x";
  private static final String MEMBER_PASSWORD = "Member-Pass-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  /** Who made the newest audit entry of {@code action} in the account of {@code owner}. */
  private String actorOf(String owner, String action) {
    JsonObject page = Http.json(Http.get(server.uri("/api/v1/audit"), owner, PASSWORD));
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(e -> action.equals(e.getString("action")))
        .map(e -> e.getString("actor"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " in " + page));
  }

  @Test
  void aFinanceMemberReadsBillsButChangesNoSettlementAndIsGoneWhenRemoved() throws Exception {
    String owner = Http.register(server, Http.uniqueName("team"), PASSWORD);
    long workspace = WorkspaceCalls.create(server, owner, PASSWORD, "Team space", "us1", "en");
    String finance = Http.uniqueName("finance");
    String email = finance + "@team.example.org";
    long id = Teams.invite(server, owner, PASSWORD, email, "finance");
    String joining = Teams.join(server, email, finance, MEMBER_PASSWORD);
    assertTrue(
        joining.contains("You are invited to the account " + owner + " as Finance"), joining);

    // Reads: the bill as CSV, the workspaces; the account it acts for, and its role.
    var csv =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/bills"))
                .header("Authorization", Http.basic(finance, MEMBER_PASSWORD))
                .header("Accept", "text/csv"));
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.body().startsWith("month,") || csv.body().contains(","), csv.body());
    JsonObject me = Http.json(Http.get(server.uri("/api/v1/account"), finance, MEMBER_PASSWORD));
    assertEquals(owner, me.getString("username"));
    assertEquals(finance, me.getString("signedInAs"));
    assertEquals("finance", me.getString("role"));
    assertTrue(
        Http.get(server.uri("/api/v1/workspaces"), finance, MEMBER_PASSWORD)
            .body()
            .contains("Team space"));

    // May not change a settlement method: 403, and nothing changed.
    var change =
        Http.postJson(
            server.uri("/api/v1/workspaces/" + workspace + "/settlement"),
            "{\"method\": \"aws\"}",
            finance,
            MEMBER_PASSWORD);
    assertEquals(403, change.statusCode(), change.body());
    assertEquals("role.forbidden", Http.json(change).getString("error"));
    assertEquals(
        "billing-center",
        Http.json(Http.get(server.uri("/api/v1/workspaces/" + workspace), owner, PASSWORD))
            .getString("settlementMethod"));

    // The page: no button to change a settlement; the budget form is there (finance sets them).
    PageSession page = new PageSession(server);
    page.logIn(finance, MEMBER_PASSWORD);
    String workspaces = page.open("/workspaces.xhtml?lang=en").body();
    assertTrue(workspaces.contains("Team space"), workspaces);
    assertFalse(workspaces.contains("list:workspaces:0:change"), "no change button");
    assertFalse(workspaces.contains("list:openCommercial"), "no Commercial Plan button");
    String account = page.open("/account.xhtml?lang=en").body();
    assertTrue(account.contains(finance + " (Finance)"), account);
    var budgets = page.open("/budgets.xhtml?lang=en");
    assertTrue(budgets.body().contains("budgets:set"), budgets.body());

    // Lowered to viewer while the page is open: the next click is refused and changes nothing.
    var lowered =
        Http.postJson(
            server.uri("/api/v1/members/" + id + "/role"),
            "{\"role\": \"viewer\"}",
            owner,
            PASSWORD);
    assertEquals(200, lowered.statusCode(), lowered.body());
    var refused =
        page.submitOn(
            budgets.body(),
            "/budgets.xhtml?lang=en",
            "budgets",
            Map.of(
                "scope", "account", "period", "day", "amount", "5", "currency", "USD", "set", ""));
    assertTrue(refused.body().contains("Your role may not do this"), refused.body());
    assertEquals("[]", Http.get(server.uri("/api/v1/budgets"), owner, PASSWORD).body().strip());

    // The audit log names the person who acted.
    assertEquals(finance, actorOf(owner, "member.joined"));
    assertEquals(owner, actorOf(owner, "member.roleChanged"));

    // Removed: the open session and the password end at once.
    var removed =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/members/" + id))
                .header("Authorization", Http.basic(owner, PASSWORD))
                .DELETE());
    assertEquals(204, removed.statusCode(), removed.body());
    var next = page.get("/workspaces.xhtml");
    assertEquals(302, next.statusCode(), "the removed member's session ended: " + next.body());
    assertTrue(next.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
    assertEquals(
        401, Http.get(server.uri("/api/v1/account"), finance, MEMBER_PASSWORD).statusCode());
  }

  @Test
  void aMembersTokenActsAsThemAndEndsWithTheMembership() throws Exception {
    String owner = Http.register(server, Http.uniqueName("team"), PASSWORD);
    String admin = Http.uniqueName("admin");
    long id = Teams.member(server, owner, PASSWORD, admin, "admin", MEMBER_PASSWORD);
    var made =
        Http.postJson(
            server.uri("/api/v1/account/tokens"),
            "{\"name\": \"ci\", \"scope\": \"read-write\"}",
            admin,
            MEMBER_PASSWORD);
    assertEquals(201, made.statusCode(), made.body());
    String token = Http.json(made).getString("value");
    var created =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/workspaces"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"By admin\", \"siteCode\": \"us1\", \"language\": \"en\"}")));
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(
        "[]",
        Http.get(server.uri("/api/v1/account/tokens"), owner, PASSWORD).body().strip(),
        "a member's tokens are their own");
    assertEquals(admin, actorOf(owner, "workspace.created"));

    // An admin manages members but not owners.
    var owners =
        Http.postJson(
            server.uri("/api/v1/members"),
            "{\"loginAccount\": \"boss@team.example.org\", \"role\": \"owner\"}",
            admin,
            MEMBER_PASSWORD);
    assertEquals(403, owners.statusCode(), owners.body());

    var removed =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/members/" + id))
                .header("Authorization", Http.basic(owner, PASSWORD))
                .DELETE());
    assertEquals(204, removed.statusCode());
    var after =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/workspaces"))
                .header("Authorization", "Bearer " + token));
    assertEquals(401, after.statusCode(), after.body());
  }

  @Test
  void anInvitationWorksOnceAndBadInputInvitesNobody() throws Exception {
    String owner = Http.register(server, Http.uniqueName("team"), PASSWORD);
    for (String body :
        new String[] {
          "{\"loginAccount\": \"not-an-address\", \"role\": \"viewer\"}",
          "{\"loginAccount\": \"x@team.example.org\", \"role\": \"superuser\"}",
          "{\"loginAccount\": \"" + owner + "@Example.com\", \"role\": \"viewer\"}",
          "{\"loginAccount\": 5",
          ""
        }) {
      var refused = Http.postJson(server.uri("/api/v1/members"), body, owner, PASSWORD);
      assertTrue(
          refused.statusCode() == 400 || refused.statusCode() == 409,
          body + " -> " + refused.statusCode() + " " + refused.body());
    }
    assertEquals("[]", Http.get(server.uri("/api/v1/members"), owner, PASSWORD).body().strip());

    String viewer = Http.uniqueName("viewer");
    String email = viewer + "@team.example.org";
    Teams.invite(server, owner, PASSWORD, email, "viewer");
    String mail = Mails.await(server, email, "invites you");
    assertTrue(mail.contains(owner + " invites you to the Billing Center account " + owner), mail);
    Teams.join(server, email, viewer, MEMBER_PASSWORD);
    String link = Mails.link(mail, server.uri("/join.xhtml?token=").toString());
    var again = new PageSession(server).open(link.substring(server.base().toString().length() - 1));
    assertTrue(again.body().contains("This invitation is not valid any more"), again.body());
    assertFalse(again.body().contains("join:username"), again.body());
    var forged = new PageSession(server).open("/join.xhtml?lang=en&token=%3Cscript%3E");
    assertEquals(200, forged.statusCode());
    assertTrue(forged.body().contains("This invitation is not valid any more"));
    // A viewer reads the team, changes nothing of it.
    assertTrue(
        Http.get(server.uri("/api/v1/members"), viewer, MEMBER_PASSWORD).body().contains(viewer));
    assertEquals(
        403,
        Http.postJson(
                server.uri("/api/v1/members"),
                "{\"loginAccount\": \"y@team.example.org\", \"role\": \"viewer\"}",
                viewer,
                MEMBER_PASSWORD)
            .statusCode());
  }

  @Test
  void aMemberWhoForgotTheirPasswordResetsItByMail() throws Exception {
    String owner = Http.register(server, Http.uniqueName("team"), PASSWORD);
    String viewer = Http.uniqueName("forgetful");
    String email = viewer + "@team.example.org";
    Teams.member(server, owner, PASSWORD, viewer, "viewer", MEMBER_PASSWORD);
    var asked =
        new PageSession(server)
            .submit("/forgot-password.xhtml?lang=en", "forgot", Map.of("name", email, "send", ""));
    assertEquals(200, asked.statusCode(), asked.body());
    String mail = Mails.await(server, email, "Reset your Billing Center password");
    assertTrue(mail.contains("Billing Center account " + viewer), mail);
    String link = Mails.link(mail, server.uri("/reset-password.xhtml?token=").toString());
    String path = link.substring(server.base().toString().length() - 1);
    PageSession session = new PageSession(server);
    var page = session.open(path + "&lang=en");
    assertTrue(page.body().contains("A new password for " + viewer), page.body());
    String renewed = "Renewed-Member-2026";
    var done =
        session.submitOn(
            page.body(),
            "/reset-password.xhtml",
            "reset",
            Map.of("password", renewed, "confirmation", renewed, "save", ""));
    assertEquals(302, done.statusCode(), done.body());
    assertEquals(
        401, Http.get(server.uri("/api/v1/account"), viewer, MEMBER_PASSWORD).statusCode());
    assertEquals(200, Http.get(server.uri("/api/v1/account"), viewer, renewed).statusCode());
    assertEquals(
        200,
        Http.get(server.uri("/api/v1/account"), owner, PASSWORD).statusCode(),
        "the owner's password is the owner's");
    assertEquals(viewer, actorOf(owner, "account.passwordReset"));
  }

  @Test
  void anAccountInvitesAtMostTwentyPeopleAnHour() {
    String owner = Http.register(server, Http.uniqueName("team"), PASSWORD);
    for (int i = 0; i < 20; i++) {
      Teams.invite(server, owner, PASSWORD, owner + "-" + i + "@team.example.org", "viewer");
    }
    var refused =
        Http.postJson(
            server.uri("/api/v1/members"),
            "{\"loginAccount\": \"" + owner + "-20@team.example.org\", \"role\": \"viewer\"}",
            owner,
            PASSWORD);
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals("member.tooMany", Http.json(refused).getString("error"));
    String listed = Http.get(server.uri("/api/v1/members"), owner, PASSWORD).body();
    assertEquals(
        20,
        jakarta.json.Json.createReader(new java.io.StringReader(listed)).readArray().size(),
        listed);
  }
}
