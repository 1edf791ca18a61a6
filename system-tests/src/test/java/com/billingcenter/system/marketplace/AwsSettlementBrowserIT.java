package com.billingcenter.system.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Browser;
import com.billingcenter.system.support.BrowserSession;
import com.billingcenter.system.support.Http;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The seed's path in a real browser, against the sandbox standing in for AWS Marketplace: Subscribe
 * in Amazon Web Services from the registration page, from a Free workspace's Open the Commercial
 * Plan or from Change Settlement Method; subscribe in the listing, come back through the
 * fulfillment URL, open the Commercial Plan (Step 1) or bind existing workspaces (Step 2), and see
 * them under one AWS account in Cloud Account.
 */
class AwsSettlementBrowserIT {

  private static final String PASSWORD = "Browser-test-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();
  @RegisterExtension final BrowserSession session = new BrowserSession();

  private static String newAwsAccountId() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
  }

  /** In the sandbox listing: Continue to Subscribe → Subscribe → Set up your account. */
  private void subscribeInTheListing(String awsAccountId) {
    subscribeInTheListing(awsAccountId, () -> {});
  }

  /** The same, with the offer chosen on the Subscribe page by {@code offer}. */
  private void subscribeInTheListing(String awsAccountId, Runnable offer) {
    assertEquals("Billing Center (AWS Marketplace sandbox listing)", session.heading());
    session.click(By.id("continue"));
    WebElement account = session.visible(By.id("awsAccountId"));
    account.clear();
    account.sendKeys(awsAccountId);
    offer.run();
    session.follow(By.id("subscribe"));
    assertEquals("Thank you for subscribing", session.heading());
    session.click(By.id("setup"));
    session.await().until(ExpectedConditions.urlContains("/setup.xhtml"));
    assertFalse(
        session.browser().getCurrentUrl().contains("ref="), "the reference is not in the URL");
  }

  private void chooseSite(String formId, String siteLabel) {
    session.choose(formId + ":site", siteLabel);
  }

  private WebElement cloudAccountSection(String awsAccountId) {
    return session.visible(
        By.xpath(
            "//section[contains(@class,'cloud-account')][.//h2[contains(., '"
                + awsAccountId
                + "')]]"));
  }

  @Test
  void newCustomerSubscribesSetsUpAndBindsASecondWorkspaceThroughTheRegisteredAccount() {
    String aws = newAwsAccountId();
    session.browser().get(server.uri("/register.xhtml?lang=en").toString());
    assertEquals("Register a Billing Center account", session.heading());
    session.follow(By.id("subscribeAws"));
    subscribeInTheListing(aws);
    assertEquals("Set up your account", session.heading());
    assertTrue(session.visible(By.id("setup-aws-account")).getText().contains(aws));
    Browser.screenshot(session.browser(), "setup-step-1");

    String username = Http.uniqueName("seed");
    session.browser().findElement(By.id("step1:username")).sendKeys(username);
    session.browser().findElement(By.id("step1:loginAccount")).sendKeys(username + "@example.com");
    session.browser().findElement(By.id("step1:password")).sendKeys(PASSWORD);
    session.browser().findElement(By.id("step1:confirmation")).sendKeys(PASSWORD);
    session.browser().findElement(By.id("step1:workspaceName")).sendKeys("Frankfurt shop");
    chooseSite("step1", "Europe 1 (Frankfurt)");
    session.click(By.xpath("//form[@id='step1']//label[normalize-space(.)='English']"));
    session.follow(By.id("step1:confirm"));

    assertEquals("Workspace Management", session.heading());
    assertTrue(
        session.visible(By.id("list:messages")).getText().contains("The Commercial Plan is open"),
        "success message");
    String row = session.browser().findElement(By.id("list:workspaces_data")).getText();
    assertTrue(row.contains("Frankfurt shop") && row.contains("AWS account"), row);

    // The second workspace, on another AWS site, through Registered Cloud Account Settlement.
    session.click(By.id("list:openCommercial"));
    session.click(By.id("commercial:confirmIntro"));
    session.visible(By.id("commercial:name")).sendKeys("Oregon shop");
    chooseSite("commercial", "Americas 1 (Oregon)");
    session.click(By.xpath("//form[@id='commercial']//label[normalize-space(.)='English']"));
    session.click(By.id("commercial:create"));
    session
        .await()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("commercialDialog")));
    WebElement oregon =
        session
            .await()
            .until(
                d ->
                    d.findElements(By.cssSelector("#list\\:workspaces_data tr[data-ri]")).stream()
                        .filter(r -> r.getText().contains("Oregon shop"))
                        .findFirst()
                        .orElse(null));
    oregon.findElement(By.xpath(".//button[contains(@id,':change')]")).click();
    session
        .visible(
            By.xpath(
                "//form[@id='change']//label[contains(., 'Registered Cloud Account Settlement')"
                    + " and contains(., '"
                    + aws
                    + "')]"))
        .click();
    session.click(By.id("change:confirm"));
    session.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("changeDialog")));

    session.browser().get(server.uri("/cloud-accounts.xhtml").toString());
    assertEquals("Cloud Account", session.heading());
    String section = cloudAccountSection(aws).getText();
    assertTrue(
        section.contains("Frankfurt shop") && section.contains("Europe 1 (Frankfurt)"), section);
    assertTrue(section.contains("Oregon shop") && section.contains("Americas 1 (Oregon)"), section);
    assertTrue(section.contains("arn:aws:license-manager::" + aws), section);
    Browser.screenshot(session.browser(), "cloud-account-two-sites");

    var api = Http.jsonArray(Http.get(server.uri("/api/v1/cloud-accounts"), username, PASSWORD));
    assertEquals(1, api.size());
    assertEquals(2, api.getJsonObject(0).getJsonArray("workspaces").size());
  }

  @Test
  void aPrivateOfferInEurosChosenInTheListingIsShownWithItsRates() {
    String aws = newAwsAccountId();
    session.browser().get(server.uri("/register.xhtml?lang=en").toString());
    session.follow(By.id("subscribeAws"));
    subscribeInTheListing(
        aws,
        () -> {
          new org.openqa.selenium.support.ui.Select(session.visible(By.id("pricing")))
              .selectByValue("subscription");
          new org.openqa.selenium.support.ui.Select(session.visible(By.id("currency")))
              .selectByValue("EUR");
          session.visible(By.id("rate-DataPoints")).sendKeys("0.0009");
        });
    String username = Http.uniqueName("offer");
    session.browser().findElement(By.id("step1:username")).sendKeys(username);
    session.browser().findElement(By.id("step1:loginAccount")).sendKeys(username + "@example.com");
    session.browser().findElement(By.id("step1:password")).sendKeys(PASSWORD);
    session.browser().findElement(By.id("step1:confirmation")).sendKeys(PASSWORD);
    session.browser().findElement(By.id("step1:workspaceName")).sendKeys("Euro shop");
    chooseSite("step1", "Europe 1 (Frankfurt)");
    session.click(By.xpath("//form[@id='step1']//label[normalize-space(.)='English']"));
    session.follow(By.id("step1:confirm"));
    assertEquals("Workspace Management", session.heading());

    // The agreement's terms are read from the sandbox's Agreement API just after the binding.
    String section =
        session
            .await()
            .until(
                d -> {
                  d.get(server.uri("/cloud-accounts.xhtml").toString());
                  String text = cloudAccountSection(aws).getText();
                  return text.contains("0.0009") ? text : null;
                });
    assertTrue(section.contains("EUR"), section);
  }

  @Test
  void existingCustomerSubscribesFromChangeSettlementMethodInChinese() {
    String username = Http.register(server, Http.uniqueName("cn"), PASSWORD);
    assertEquals(
        "工作空间管理",
        session.logInToWorkspaces(server.uri("/login.xhtml?lang=zh"), username, PASSWORD));
    var created =
        Http.postJson(
            server.uri("/api/v1/workspaces"),
            "{\"name\": \"新加坡业务\", \"siteCode\": \"ap1\", \"language\": \"zh\"}",
            username,
            PASSWORD);
    assertEquals(201, created.statusCode(), created.body());
    session.browser().navigate().refresh();

    session.click(By.xpath("//tr[contains(., '新加坡业务')]//button[contains(@id,':change')]"));
    session.follow(By.id("change:subscribeAws"));
    String aws = newAwsAccountId();
    subscribeInTheListing(aws);

    assertEquals("设置您的账户", session.heading());
    String choices = session.visible(By.id("step2:workspaces")).getText();
    assertTrue(choices.contains("新加坡业务"), choices);
    assertEquals(
        1,
        session
            .browser()
            .findElements(By.cssSelector("#step2 .ui-chkbox-box.ui-state-active"))
            .size(),
        "the workspace that asked for AWS is pre-selected");
    Browser.screenshot(session.browser(), "setup-step-2-zh");
    session.click(By.cssSelector("#step2\\:ownAccount .ui-chkbox-box"));
    session.follow(By.id("step2:confirm"));

    assertEquals("云账号", session.heading());
    String section = cloudAccountSection(aws).getText();
    assertTrue(section.contains("新加坡业务"), section);
    assertTrue(session.visible(By.id("clouds:messages")).getText().contains(aws));

    // The set-up link works once.
    session.browser().navigate().back();
    session.browser().navigate().refresh();
    assertTrue(
        session.visible(By.id("setup-closed")).getText().contains("此设置链接已被使用"),
        session.browser().findElement(By.tagName("main")).getText());
  }

  @Test
  void aFreeWorkspaceOpensTheCommercialPlanThroughAws() {
    String username = Http.register(server, Http.uniqueName("upgrade"), PASSWORD);
    var created =
        Http.postJson(
            server.uri("/api/v1/workspaces"),
            "{\"name\": \"Trial shop\", \"siteCode\": \"us1\", \"language\": \"en\","
                + " \"plan\": \"free\"}",
            username,
            PASSWORD);
    assertEquals(201, created.statusCode(), created.body());
    long id = Http.json(created).getJsonNumber("id").longValue();
    assertEquals(
        "Workspace Management",
        session.logInToWorkspaces(server.uri("/login.xhtml?lang=en"), username, PASSWORD));

    session.click(By.xpath("//tr[contains(., 'Trial shop')]//button[contains(@id,':upgrade')]"));
    assertTrue(session.visible(By.id("upgrade:confirm")).isDisplayed(), "settled as it is, or…");
    Browser.screenshot(session.browser(), "upgrade-free-workspace");
    session.follow(By.id("upgrade:subscribeAws"));
    String aws = newAwsAccountId();
    subscribeInTheListing(aws);

    assertEquals("Set up your account", session.heading());
    assertEquals(
        1,
        session
            .browser()
            .findElements(By.cssSelector("#step2 .ui-chkbox-box.ui-state-active"))
            .size(),
        "the workspace that asked is pre-selected");
    session.click(By.cssSelector("#step2\\:ownAccount .ui-chkbox-box"));
    session.follow(By.id("step2:confirm"));
    assertEquals("Cloud Account", session.heading());
    assertTrue(cloudAccountSection(aws).getText().contains("Trial shop"));

    var workspace = Http.json(Http.get(server.uri("/api/v1/workspaces/" + id), username, PASSWORD));
    assertEquals("commercial", workspace.getString("plan"), workspace.toString());
    assertEquals("aws", workspace.getString("settlementMethod"), workspace.toString());
  }
}
