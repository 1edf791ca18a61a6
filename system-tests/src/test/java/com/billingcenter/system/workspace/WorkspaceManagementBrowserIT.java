package com.billingcenter.system.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Browser;
import com.billingcenter.system.support.BrowserSession;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Billing Center core in a real browser: open the Commercial Plan, see the workspace in
 * Workspace Management, change its settlement method, be refused a second change in the same month,
 * and see the same page in Chinese.
 */
class WorkspaceManagementBrowserIT {

  private static final String PASSWORD = "Browser-test-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();
  @RegisterExtension final BrowserSession session = new BrowserSession();

  private String registerAndLogIn(String prefix) {
    String username = Http.register(server, Http.uniqueName(prefix), PASSWORD);
    assertEquals(
        "Workspace Management",
        session.logInToWorkspaces(server.uri("/login.xhtml?lang=en"), username, PASSWORD));
    return username;
  }

  /** Flow 3: Confirm, then name and language (with the warning), then Confirm. */
  private void openCommercialPlan(String name, String siteLabel, String language) {
    session.click(By.id("list:openCommercial"));
    session.click(By.id("commercial:confirmIntro"));
    session.visible(By.id("commercial:name")).sendKeys(name);
    assertTrue(
        session.visible(By.id("language-warning")).getText().contains("can never be changed"),
        "the page warns that the language is final");
    Browser.screenshot(session.browser(), "commercial-plan-step-2");
    session.choose("commercial:site", siteLabel);
    session.click(By.xpath("//label[normalize-space(.)='" + language + "']"));
    session.click(By.id("commercial:create"));
    session
        .await()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("commercialDialog")));
  }

  private List<WebElement> rows() {
    return session.browser().findElements(By.cssSelector("#list\\:workspaces_data tr[data-ri]"));
  }

  private WebElement rowOf(String name) {
    return session
        .await()
        .until(
            d -> rows().stream().filter(r -> r.getText().contains(name)).findFirst().orElse(null));
  }

  @Test
  void customerOpensCommercialPlanChangesSettlementOnceAndSeesItInChinese() throws Exception {
    String username = registerAndLogIn("core");
    String name = "Production <b>EU</b>";
    openCommercialPlan(name, "Europe 1 (Frankfurt)", "Chinese");

    assertTrue(
        session.visible(By.id("list:messages")).getText().contains("The Commercial Plan is open"),
        "success message");
    WebElement row = rowOf(name);
    String text = row.getText();
    assertTrue(text.contains("Europe 1 (Frankfurt)"), text);
    assertTrue(text.contains("Commercial"), text);
    assertTrue(text.contains("Chinese"), text);
    assertTrue(text.contains("Billing Center account"), text);
    assertTrue(text.contains("Active"), text);
    assertTrue(
        session.browser().findElements(By.tagName("b")).stream()
            .noneMatch(b -> b.getText().equals("EU")),
        "markup in a name is shown as text");

    // The AWS account the customer subscribed with (the fulfillment flow will register it).
    long cloudAccountId = Database.registerAwsAccount(server, username, "123456789012");

    row.findElement(By.xpath(".//button[contains(@id,':change')]")).click();
    WebElement awsOption =
        session.visible(
            By.xpath(
                "//form[@id='change']//label[contains(., 'Registered Cloud Account Settlement')"
                    + " and contains(., '123456789012')]"));
    assertFalse(
        session.browser().findElement(By.id("change")).getText().contains("Alibaba"),
        "only the methods the site allows");
    Browser.screenshot(session.browser(), "change-settlement-method");
    awsOption.click();
    session.click(By.id("change:confirm"));
    session.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("changeDialog")));
    assertTrue(
        session
            .visible(By.id("list:messages"))
            .getText()
            .contains("now settles by its new method"));
    assertTrue(rowOf(name).getText().contains("AWS account"), rowOf(name).getText());

    // A second change in the same calendar month is refused with the date it becomes possible.
    rowOf(name).findElement(By.xpath(".//button[contains(@id,':change')]")).click();
    session
        .visible(
            By.xpath(
                "//form[@id='change']//label[contains(., 'Billing Center Account Settlement')]"))
        .click();
    session.click(By.id("change:confirm"));
    session
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("change:messages"), "already changed this month"));
    Browser.screenshot(session.browser(), "change-refused-this-month");
    assertTrue(rowOf(name).getText().contains("AWS account"), "the refused change changed nothing");
    var api = Http.get(server.uri("/api/v1/workspaces?name=Production"), username, PASSWORD);
    var workspace = Http.json(api).getJsonArray("items").getJsonObject(0);
    assertEquals("aws", workspace.getString("settlementMethod"));
    assertEquals(cloudAccountId, workspace.getJsonNumber("cloudAccountId").longValue());

    // The same page in Chinese.
    session.browser().get(server.uri("/workspaces.xhtml?lang=zh").toString());
    assertEquals("工作空间管理", session.heading());
    String chinese = rowOf(name).getText();
    assertTrue(chinese.contains("欧洲区1（法兰克福）"), chinese);
    assertTrue(chinese.contains("商业版"), chinese);
    assertTrue(chinese.contains("AWS 账号"), chinese);
    assertTrue(
        session.browser().findElement(By.id("list:openCommercial")).getText().contains("开通商业版"));
    Browser.screenshot(session.browser(), "workspace-management-zh");

    // Every change is in the audit log, with who made it.
    session.browser().get(server.uri("/audit.xhtml?lang=en").toString());
    assertEquals("Audit Log", session.heading());
    String audit = session.browser().findElement(By.id("audit:entries")).getText();
    assertTrue(audit.contains("Settlement method changed"), audit);
    assertTrue(audit.contains("Workspace created"), audit);
    assertTrue(audit.contains("aws:" + cloudAccountId), audit);
    assertTrue(audit.contains(username), audit);
  }

  /** Fills the Account page's password form, submits it and waits for the message. */
  private void changePassword(String current, String next, String expectedMessage) {
    session.browser().findElement(By.id("password:current")).sendKeys(current);
    session.browser().findElement(By.id("password:newPassword")).sendKeys(next);
    session.browser().findElement(By.id("password:confirmation")).sendKeys(next);
    session.browser().findElement(By.id("password:save")).click();
    session
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("password:messages"), expectedMessage));
  }

  @Test
  void customerChangesThePasswordOnTheAccountPage() {
    String username = registerAndLogIn("pwd");
    session.browser().get(server.uri("/account.xhtml").toString());
    assertEquals("Account", session.heading());
    assertEquals(username, session.browser().findElement(By.id("username")).getText());
    changePassword("Wrong-password-1", "Changed-pass-2026", "The current password is not correct.");
    changePassword(PASSWORD, "Changed-pass-2026", "Your password is changed.");
    assertEquals(401, Http.get(server.uri("/api/v1/account"), username, PASSWORD).statusCode());
    assertEquals(
        200, Http.get(server.uri("/api/v1/account"), username, "Changed-pass-2026").statusCode());
  }

  @Test
  void emptyWorkspaceNameIsRefusedInTheDialogAndNothingIsCreated() {
    String username = registerAndLogIn("empty");
    session.click(By.id("list:openCommercial"));
    session.click(By.id("commercial:confirmIntro"));
    session.visible(By.id("commercial:name"));
    session.click(By.xpath("//label[normalize-space(.)='English']"));
    session.click(By.id("commercial:create"));
    session
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("commercial:messages"), "Enter a workspace name."));
    var api = Http.get(server.uri("/api/v1/workspaces"), username, PASSWORD);
    assertEquals(0, Http.json(api).getInt("total"));
  }
}
