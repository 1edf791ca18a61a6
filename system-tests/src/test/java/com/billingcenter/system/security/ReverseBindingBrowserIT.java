package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.AttackerSite;
import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.BrowserSession;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SandboxBuyers;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.system.support.WorkspaceCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Reverse binding: a page of an attacker's, on another origin, posts the attacker's own fresh AWS
 * Marketplace token to the fulfillment URL from the browser of a customer who is signed in. The
 * set-up page then names the attacker's AWS account, with the customer signed in; binding needs the
 * customer to confirm that the AWS account is theirs, which nothing but the customer can do, and
 * without it nothing is bound.
 */
@SecurityPromise
class ReverseBindingBrowserIT {

  private static final String PASSWORD = "Reverse-binding-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();
  @RegisterExtension final BrowserSession session = new BrowserSession();

  @Test
  void aForeignTokenPostedFromAnotherOriginWhileSignedInBindsNothing() throws Exception {
    String victim = Http.register(server, Http.uniqueName("victim"), PASSWORD);
    long workspace = WorkspaceCalls.create(server, victim, PASSWORD, "Victim shop", "us1", "en");
    // The attacker subscribed with an AWS account of their own and kept its fresh token.
    var buyer = SandboxBuyers.newBuyer(server, false);
    String attackersAws = buyer.getString("awsAccountId");
    String token = buyer.getString("registrationToken");

    // The attacker's page: another site (127.0.0.1, where the Billing Center is localhost) that
    // posts the token to the fulfillment URL as soon as it is opened.
    String page =
        "<!doctype html><html><body><form method='post' action='"
            + server.uri("/marketplace/aws/fulfillment")
            + "'><input type='hidden' name='x-amzn-marketplace-token' value='"
            + token
            + "'></form><script>document.forms[0].submit()</script></body></html>";
    try (AttackerSite attacker = AttackerSite.serving(page)) {
      session.logIn(server.uri("/login.xhtml?lang=en"), victim, PASSWORD);
      assertEquals("Overview", session.heading());
      session.browser().get(attacker.url() + "offer.html");
      session.await().until(ExpectedConditions.urlContains("/setup.xhtml"));
    }

    // Signed in, the customer sees whose AWS account it is and is asked to confirm it is theirs.
    assertEquals("Set up your account", session.heading());
    assertTrue(session.visible(By.id("setup-aws-account")).getText().contains(attackersAws));
    String warning = session.visible(By.id("ownAccountWarning")).getText();
    assertTrue(warning.contains(attackersAws) && warning.contains("someone else"), warning);
    assertFalse(
        session.browser().findElement(By.cssSelector("#step2\\:ownAccount input")).isSelected(),
        "the confirmation is never pre-set");

    // Choosing the workspace and confirming, without saying the AWS account is theirs, binds
    // nothing.
    session.click(By.xpath("//form[@id='step2']//label[contains(., 'Victim shop')]"));
    session.follow(By.id("step2:confirm"));
    String refused = session.visible(By.id("step2:messages")).getText();
    assertTrue(refused.contains("Confirm that this AWS account is yours"), refused);
    var settled =
        Http.json(Http.get(server.uri("/api/v1/workspaces/" + workspace), victim, PASSWORD));
    assertEquals("billing-center", settled.getString("settlementMethod"), settled.toString());
    var clouds = Http.get(server.uri("/api/v1/cloud-accounts"), victim, PASSWORD);
    assertEquals(200, clouds.statusCode());
    assertFalse(
        clouds.body().contains(attackersAws),
        "no cloud account of the attacker's: " + clouds.body());
  }
}
