package com.billingcenter.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.billingcenter.system.support.AttackerSite;
import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.BrowserSession;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.system.support.WorkspaceCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Cross-site request forgery in a real browser: a signed-in customer, with Change Settlement Method
 * open in one tab, visits another site whose page posts the dialog's form to the Billing Center
 * (the browser sends the session cookie along). Without the page's view state the post changes
 * nothing, with a guessed one neither; the same fields posted from the customer's own page, with
 * its view state, do change it (the control).
 */
@SecurityPromise
class CsrfBrowserIT {

  private static final String PASSWORD = "Browser-test-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();
  @RegisterExtension final BrowserSession session = new BrowserSession();
  private AttackerSite attacker;

  @AfterEach
  void stopAttacker() {
    if (attacker != null) {
      attacker.close();
    }
  }

  /** Another site (127.0.0.1 is not localhost's site) serving a self-submitting form. */
  private String attackerPage(String viewState, long cloudAccount) throws Exception {
    String target = server.uri("/workspaces.xhtml").toString();
    String html =
        """
        <!DOCTYPE html><html><body><h1>Win a prize</h1>
        <form id="f" method="post" action="%s">
          <input type="hidden" name="change" value="change">
          <input type="hidden" name="change:option" value="aws:%d">
          <input type="hidden" name="change:confirm" value="change:confirm">
          %s
        </form>
        <script>document.getElementById('f').submit()</script>
        </body></html>
        """
            .formatted(
                target,
                cloudAccount,
                viewState == null
                    ? ""
                    : "<input type=\"hidden\" name=\"jakarta.faces.ViewState\" value=\""
                        + viewState
                        + "\">");
    attacker = AttackerSite.serving(html);
    return attacker.url();
  }

  private String settlement(String user) {
    return Http.json(Http.get(server.uri("/api/v1/workspaces?name=Forgery"), user, PASSWORD))
        .getJsonArray("items")
        .getJsonObject(0)
        .getString("settlementMethod");
  }

  @Test
  void aFormPostedFromAnotherSiteChangesNothing() throws Exception {
    String user = Http.register(server, Http.uniqueName("csrf"), PASSWORD);
    WorkspaceCalls.create(server, user, PASSWORD, "Forgery target", "us1", "en");
    long cloudAccount = Database.registerAwsAccount(server, user, "345678901234");

    assertEquals(
        "Workspace Management",
        session.logInToWorkspaces(server.uri("/login.xhtml?lang=en"), user, PASSWORD));
    session
        .await()
        .until(d -> d.findElement(By.xpath("//tr[contains(., 'Forgery target')]")))
        .findElement(By.xpath(".//button[contains(@id,':change')]"))
        .click();
    session.visible(By.xpath("//form[@id='change']//label[contains(., '345678901234')]"));
    String home = session.browser().getWindowHandle();

    for (String viewState : new String[] {null, "-4095618339420893212:1234567890123456789"}) {
      session.browser().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
      session.browser().get(attackerPage(viewState, cloudAccount));
      // The browser follows the forged post to the Billing Center, which changes nothing.
      session.await().until(ExpectedConditions.urlContains(server.base().getHost()));
      session.heading();
      assertEquals("billing-center", settlement(user), "forged with view state " + viewState);
      session.browser().close();
      session.browser().switchTo().window(home);
      stopAttacker();
    }

    // The control: the attacker's very fields, posted from the Billing Center's own page with the
    // page's real view state (and the CSP nonce PrimeFaces adds to its forms), do change the
    // method: the forged posts failed for want of the session's view state and cookie, not for a
    // wrong field.
    ((org.openqa.selenium.JavascriptExecutor) session.browser())
        .executeScript(
            """
            const fields = [['change', 'change'], ['change:option', arguments[1]],
              ['change:confirm', 'change:confirm'],
              ['jakarta.faces.ViewState',
               document.querySelector('#change input[name="jakarta.faces.ViewState"]').value],
              ['primefaces.nonce', document.querySelector('script[nonce]').nonce]];
            const form = document.createElement('form');
            form.method = 'post';
            form.action = arguments[0];
            for (const [name, value] of fields) {
              const input = document.createElement('input');
              input.type = 'hidden'; input.name = name; input.value = value;
              form.appendChild(input);
            }
            document.body.appendChild(form);
            form.submit();
            """,
            server.uri("/workspaces.xhtml").toString(),
            "aws:" + cloudAccount);
    session.await().until(d -> "aws".equals(settlement(user)));
    assertEquals("aws", settlement(user), "the same fields from the customer's own page");
  }
}
