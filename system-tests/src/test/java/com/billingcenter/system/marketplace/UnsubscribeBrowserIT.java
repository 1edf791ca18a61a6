package com.billingcenter.system.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Browser;
import com.billingcenter.system.support.BrowserSession;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.Mails;
import com.billingcenter.system.support.SandboxBuyers;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.system.support.WorkspaceCalls;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Flow 7 in a real browser: the buyer unsubscribes in the sandbox's Your Marketplace Software, the
 * workspaces that AWS account settled show locked with their countdown in Workspace Management and
 * a notice in each one's language. The lock notice's mailed link opens the lock page without
 * signing in; from there the owner signs in and dissolves one workspace (typing its name), which
 * then takes no usage. Of the others, one is unlocked with the Billing Center account, the other
 * with another registered AWS account.
 */
@SecurityPromise
class UnsubscribeBrowserIT {

  private static final String PASSWORD = "Browser-test-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private long create(String user, String name, String site, String language) {
    return WorkspaceCalls.create(server, user, PASSWORD, name, site, language);
  }

  private void settleBy(String user, long workspace, long cloudAccount) {
    WorkspaceCalls.settleByAws(server, user, PASSWORD, workspace, cloudAccount);
  }

  @RegisterExtension final BrowserSession session = new BrowserSession();

  private WebElement rowOf(String name) {
    return session
        .await()
        .until(
            d ->
                d.findElements(By.cssSelector("#list\\:workspaces_data tr[data-ri]")).stream()
                    .filter(r -> r.getText().contains(name))
                    .findFirst()
                    .orElse(null));
  }

  /** Unlock → choose the option whose label contains {@code option} → Confirm. */
  private void unlock(String name, String option) {
    WebElement unlock = rowOf(name).findElement(By.xpath(".//button[contains(@id,':change')]"));
    assertTrue(unlock.getText().contains("Unlock"), unlock.getText());
    unlock.click();
    choose(option);
  }

  /** In the open Change Settlement Method dialog: the option, Confirm, and the unlocked message. */
  private void choose(String option) {
    session.visible(By.xpath("//form[@id='change']//label[contains(., '" + option + "')]")).click();
    session.click(By.id("change:confirm"));
    session.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("changeDialog")));
    session
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("list:messages"), "is unlocked"));
  }

  @Test
  void unsubscribingLocksBothWorkspacesAndEachIsUnlockedByAnotherMethod() throws Exception {
    String user = Http.register(server, Http.uniqueName("flow7"), PASSWORD);
    JsonObject buyer = SandboxBuyers.newBuyer(server, false);
    String awsAccountId = buyer.getString("awsAccountId");
    long aws =
        Database.registerAwsAccount(server, user, awsAccountId, buyer.getString("licenseArn"));
    long other = Database.registerAwsAccount(server, user, "444455556666");
    settleBy(user, create(user, "Oregon shop", "us1", "en"), aws);
    settleBy(user, create(user, "法兰克福", "eu1", "zh"), aws);
    long scratch = create(user, "Scratch", "ap1", "en");
    settleBy(user, scratch, aws);

    // The buyer cancels in AWS Marketplace.
    session
        .browser()
        .get(server.uri("/aws-sandbox/your-software?account=" + awsAccountId).toString());
    session.click(By.id("manage"));
    session.click(By.id("unsubscribe"));
    session.click(By.id("confirm"));
    String done = session.visible(By.id("done")).getText();
    assertTrue(done.contains("is unsubscribed"), done);
    // As AWS sends them to a seller selling its own offer: the Proposer agreement event, then
    // the license's deprovisioning (Seller Guide, "Managing SaaS subscription events with Amazon
    // EventBridge").
    for (String sent :
        new String[] {
          "Purchase Agreement Ended - Proposer: the seller answered 200",
          "License Deprovisioned - Manufacturer: the seller answered 200"
        }) {
      assertTrue(
          session.browser().getPageSource().contains(sent), session.browser().getPageSource());
    }

    // The lock notice's mail links to the lock page, which opens without signing in.
    String mail = Mails.await(server, user + "@example.com", "workspace “Scratch”");
    session.browser().get(Mails.link(mail, server.uri("/locked.xhtml?t=").toString()) + "&lang=en");
    assertEquals("Workspace locked", session.heading());
    String address = session.browser().getCurrentUrl();
    assertTrue(address.endsWith("/locked.xhtml?lang=en"), "the token left the address: " + address);
    assertTrue(session.visible(By.id("reason")).getText().contains("was unsubscribed"));
    assertTrue(session.visible(By.id("meaning")).getText().contains("days left"));
    assertTrue(
        session.browser().findElements(By.id("dissolve:typedName")).isEmpty(), "not signed in");
    // Dissolve: sign in as the owner, back to the lock page, type the name.
    session.click(By.id("signInToDissolve"));
    session.visible(By.id("login:name")).sendKeys(user);
    session.browser().findElement(By.id("login:password")).sendKeys(PASSWORD);
    session.browser().findElement(By.id("login:submit")).click();
    session.visible(By.id("dissolve:typedName")).sendKeys("scratch");
    session.click(By.id("dissolve:confirmDissolve"));
    String refused = session.visible(By.id("dissolve:messages")).getText();
    assertTrue(refused.contains("Type the workspace name exactly"), refused);
    session.visible(By.id("dissolve:typedName")).clear();
    session.visible(By.id("dissolve:typedName")).sendKeys("Scratch");
    Browser.screenshot(session.browser(), "lock-page-dissolve");
    session.click(By.id("dissolve:confirmDissolve"));
    session
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("list:messages"), "Workspace “Scratch” was dissolved."));
    String usage =
        Http.reportUsage(
                server,
                "ap1",
                "{\"records\": [{\"id\": \"%s\", \"workspaceId\": %d, \"billingItem\":"
                        .formatted(Http.uniqueName("dissolved"), scratch)
                    + " \"data-points\", \"hour\": \"%s\", \"quantity\": 5}]}"
                        .formatted(Instant.now().truncatedTo(ChronoUnit.HOURS)))
            .body();
    assertTrue(usage.contains("was dissolved"), "no usage taken: " + usage);

    // The customer sees the other workspaces locked, with their countdown, and Scratch no more.
    assertEquals("Workspace Management", session.heading());
    session
        .await()
        .until(d -> !d.findElements(By.cssSelector("#list\\:workspaces_data tr")).isEmpty());
    assertFalse(
        session.browser().findElement(By.id("list:workspaces")).getText().contains("Scratch"));
    for (String name : new String[] {"Oregon shop", "法兰克福"}) {
      String row = rowOf(name).getText();
      assertTrue(row.contains("Locked"), row);
      assertTrue(row.contains("days left"), row);
    }
    Browser.screenshot(session.browser(), "workspaces-locked-after-unsubscribe");

    // A notice for each, in the workspace's language.
    session.browser().get(server.uri("/notices.xhtml").toString());
    String notices = session.visible(By.id("notices:list")).getText();
    assertTrue(notices.contains("Workspace “Oregon shop” is locked"), notices);
    assertTrue(notices.contains("工作空间“法兰克福”已锁定"), notices);
    assertTrue(notices.contains("Workspace “Scratch” was dissolved"), notices);
    Browser.screenshot(session.browser(), "notices");
    // Each lock notice links to its workspace's lock page.
    session.follow(By.cssSelector(".lock-page-link"));
    assertEquals("Workspace locked", session.heading());

    // The lock page says why, and its Unlock opens Change Settlement Method for that workspace.
    session.browser().get(server.uri("/workspaces.xhtml").toString());
    rowOf("Oregon shop").findElement(By.className("why-locked")).click();
    assertEquals("Workspace locked", session.heading());
    String reason = session.visible(By.id("reason")).getText();
    assertTrue(reason.contains("was unsubscribed in AWS Marketplace"), reason);
    assertTrue(session.visible(By.id("meaning")).getText().contains("days left"));
    Browser.screenshot(session.browser(), "lock-page");
    session.click(By.id("unlock"));
    choose("Billing Center Account Settlement");

    // The other from its row: another registered AWS account.
    unlock("法兰克福", "444455556666");
    assertTrue(rowOf("Oregon shop").getText().contains("Active"), rowOf("Oregon shop").getText());
    assertTrue(rowOf("法兰克福").getText().contains("Active"), rowOf("法兰克福").getText());
    var workspaces =
        Http.json(Http.get(server.uri("/api/v1/workspaces?name=法兰克福"), user, PASSWORD));
    assertEquals(
        other,
        workspaces
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonNumber("cloudAccountId")
            .longValue());
  }
}
