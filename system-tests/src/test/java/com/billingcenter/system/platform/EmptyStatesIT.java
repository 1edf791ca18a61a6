package com.billingcenter.system.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.PageSession;
import org.junit.jupiter.api.Test;

/**
 * A new customer's pages say what to do where there is nothing yet, in English and Chinese: no
 * workspaces, no cloud account, no bill, no notice, and no cost (no blank chart box).
 */
class EmptyStatesIT {

  private static final String PASSWORD = "Empty-states-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private static void assertSays(PageSession session, String page, String... texts)
      throws Exception {
    var answer = session.get(page);
    assertEquals(200, answer.statusCode(), page);
    for (String text : texts) {
      assertTrue(answer.body().contains(text), page + " says " + text + ": " + answer.body());
    }
  }

  @Test
  void aNewCustomersPagesSayWhatToDo() throws Exception {
    String user = Http.register(server, Http.uniqueName("empty"), PASSWORD);
    PageSession session = new PageSession(server);
    session.logIn(user, PASSWORD);
    assertSays(
        session, "/workspaces.xhtml?lang=en", "Click Open the Commercial Plan above to open");
    assertSays(session, "/cloud-accounts.xhtml", "choose Subscribe to AWS");
    assertSays(session, "/notices.xhtml", "such as a lock, will appear here");
    var bills = session.get("/bills.xhtml");
    assertEquals(200, bills.statusCode());
    assertTrue(bills.body().contains("A month's bill appears here"), bills.body());
    assertTrue(bills.body().contains("Costs appear here, day by day"), bills.body());
    assertTrue(bills.body().contains("Go to Workspace Management"), bills.body());
    assertFalse(
        bills.body().contains("consumption:daily-chart"), "no empty chart: " + bills.body());
    assertSays(session, "/bills.xhtml?lang=zh", "暂无账单。您的站点上报", "前往工作空间管理");
    assertSays(session, "/workspaces.xhtml", "点击上方的“开通商业版”");
  }
}
