package com.billingcenter.account.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginViewTest {

  @Test
  void aSignInLeadsBackToThePageItInterruptedInsideTheApplication() {
    assertEquals("/workspaces.xhtml?page=2", LoginView.pageAfterLogin("/workspaces.xhtml?page=2"));
    assertEquals("/setup.xhtml", LoginView.pageAfterLogin("/setup.xhtml"));
  }

  @Test
  void anythingElseLeadsToTheOverviewNeverToAnotherSite() {
    for (Object remembered :
        new Object[] {
          null,
          "",
          "overview.xhtml",
          "//evil.example/phish",
          "https://evil.example/",
          "/\\\\evil.example",
          "\\\\evil.example",
          42
        }) {
      assertEquals(
          LoginView.HOME, LoginView.pageAfterLogin(remembered), String.valueOf(remembered));
    }
  }
}
