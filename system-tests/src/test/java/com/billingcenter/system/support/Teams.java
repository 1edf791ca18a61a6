package com.billingcenter.system.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.Map;

/** A customer's team on a running server: invitations through the API, joining on the page. */
public final class Teams {

  /** The subject line of an invitation mail (English first for an English inviter). */
  public static final String INVITED = "You are invited to a Billing Center account";

  private Teams() {}

  /** Invites {@code email} with {@code role} as {@code owner}; the new member's id. */
  public static long invite(
      BillingCenterServer server, String owner, String password, String email, String role) {
    var invited =
        Http.postJson(
            server.uri("/api/v1/members"),
            Json.createObjectBuilder()
                .add("loginAccount", email)
                .add("role", role)
                .build()
                .toString(),
            owner,
            password);
    assertEquals(201, invited.statusCode(), invited.body());
    return Http.json(invited).getJsonNumber("id").longValue();
  }

  /**
   * Follows the invitation mailed to {@code email} and joins as {@code username} with {@code
   * password} on the joining page; answers that page's text before joining.
   */
  public static String join(
      BillingCenterServer server, String email, String username, String password) throws Exception {
    String mail = Mails.await(server, email, "invites you");
    String link = Mails.link(mail, server.uri("/join.xhtml?token=").toString());
    String path = link.substring(server.base().toString().length() - 1);
    PageSession session = new PageSession(server);
    var page = session.open(path + "&lang=en");
    assertEquals(200, page.statusCode(), page.body());
    var joined =
        session.submitOn(
            page.body(),
            "/join.xhtml",
            "join",
            Map.of(
                "username", username,
                "password", password,
                "confirmation", password,
                "save", ""));
    assertEquals(302, joined.statusCode(), joined.body());
    assertTrue(joined.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
    return page.body();
  }

  /** Invites and joins: the member's id. */
  public static long member(
      BillingCenterServer server,
      String owner,
      String ownerPassword,
      String username,
      String role,
      String password)
      throws Exception {
    String email = username + "@team.example.org";
    long id = invite(server, owner, ownerPassword, email, role);
    join(server, email, username, password);
    return id;
  }
}
