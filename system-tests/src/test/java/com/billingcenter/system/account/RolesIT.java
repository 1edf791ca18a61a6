package com.billingcenter.system.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.Teams;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role × every state-changing call of the customers' API, on one team of the shared server: a
 * role that may not make the call gets 403 {@code role.forbidden} before anything happens; one that
 * may gets past the check (the calls name nothing that exists or send a body that breaks a rule, so
 * that an allowed call is answered 400 or 404 and changes nothing either).
 */
class RolesIT {

  private static final String PASSWORD = "Customer-2026-x";
  private static final String MEMBER_PASSWORD = "Member-Pass-2026";

  private static final Set<String> ALL = Set.of("owner", "admin", "finance", "viewer");
  private static final Set<String> WORKSPACES = Set.of("owner", "admin");
  private static final Set<String> BUDGETS = Set.of("owner", "finance");
  private static final Set<String> MEMBERS = Set.of("owner", "admin");

  /** One state-changing call and the roles that may make it. */
  record Call(String method, String path, String body, Set<String> allowed) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final List<Call> CALLS =
      List.of(
          new Call("POST", "/api/v1/workspaces", "{}", WORKSPACES),
          new Call("POST", "/api/v1/workspaces/999999999/commercial-plan", null, WORKSPACES),
          new Call(
              "POST",
              "/api/v1/workspaces/999999999/settlement",
              "{\"method\": \"aws\"}",
              WORKSPACES),
          new Call(
              "POST", "/api/v1/workspaces/999999999/dissolve", "{\"name\": \"x\"}", WORKSPACES),
          new Call("POST", "/api/v1/budgets", "{}", BUDGETS),
          new Call("DELETE", "/api/v1/budgets/999999999", null, BUDGETS),
          new Call("POST", "/api/v1/members", "{\"loginAccount\": \"nobody\"}", MEMBERS),
          new Call("POST", "/api/v1/members/999999999/role", "{\"role\": \"viewer\"}", MEMBERS),
          new Call("DELETE", "/api/v1/members/999999999", null, MEMBERS),
          new Call("POST", "/api/v1/account/tokens", "{\"name\": \"\"}", ALL),
          new Call("DELETE", "/api/v1/account/tokens/999999999", null, ALL),
          new Call(
              "POST",
              "/api/v1/account/password",
              "{\"currentPassword\": \"wrong\", \"newPassword\": \"x\"}",
              ALL),
          new Call("POST", "/api/v1/accounts", "{}", ALL));

  private static Map<String, String> team;

  /** The team, made once: the owner and one member of each other role (user names by role). */
  private static synchronized Map<String, String> team() throws Exception {
    if (team == null) {
      BillingCenterServer server = BillingCenterServer.shared();
      String owner = Http.register(server, Http.uniqueName("roles"), PASSWORD);
      Map<String, String> made = new java.util.HashMap<>(Map.of("owner", owner));
      for (String role : List.of("admin", "finance", "viewer")) {
        String name = Http.uniqueName(role);
        Teams.member(server, owner, PASSWORD, name, role, MEMBER_PASSWORD);
        made.put(role, name);
      }
      team = made;
    }
    return team;
  }

  static Stream<Arguments> everyRoleAndCall() {
    List<Arguments> cases = new ArrayList<>();
    for (Call call : CALLS) {
      for (String role : List.of("owner", "admin", "finance", "viewer")) {
        cases.add(Arguments.of(Named.of(role, role), Named.of(call.toString(), call)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRoleAndCall")
  void theRoleDecides(String role, Call call) throws Exception {
    String user = team().get(role);
    String password = role.equals("owner") ? PASSWORD : MEMBER_PASSWORD;
    BillingCenterServer server = BillingCenterServer.shared();
    HttpResponse<String> answer =
        Http.send(
            HttpRequest.newBuilder(server.uri(call.path()))
                .header("Authorization", Http.basic(user, password))
                .header("Content-Type", "application/json")
                .method(
                    call.method(),
                    call.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body())));
    if (call.allowed().contains(role)) {
      assertNotEquals(403, answer.statusCode(), role + " may: " + answer.body());
    } else {
      assertEquals(403, answer.statusCode(), role + " may not: " + answer.body());
      assertEquals("role.forbidden", Http.json(answer).getString("error"));
    }
  }
}
