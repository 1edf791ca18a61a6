package com.billingcenter.system.workspace;

import static com.billingcenter.system.support.Http.assertNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SandboxBuyers;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.system.support.WorkspaceCalls;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/workspaces}, {@code /sites} and {@code /audit} over real HTTP, bad input included.
 */
class WorkspaceApiIT {

  private static final String PASSWORD = "Billing-center-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  private String register(String prefix) {
    return Http.register(server, Http.uniqueName(prefix), PASSWORD);
  }

  private HttpResponse<String> post(String user, String path, String json) {
    return Http.postJson(server.uri(path), json, user, PASSWORD);
  }

  private HttpResponse<String> get(String user, String path) {
    return Http.get(server.uri(path), user, PASSWORD);
  }

  private static String workspace(String name, String site, String language) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("siteCode", site)
        .add("language", language)
        .build()
        .toString();
  }

  private long create(String user, String name, String site) {
    var created = post(user, "/api/v1/workspaces", workspace(name, site, "en"));
    assertEquals(201, created.statusCode(), created.body());
    return Http.json(created).getJsonNumber("id").longValue();
  }

  private static void assertError(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(code, Http.json(response).getString("error"), response.body());
    assertFalse(Http.json(response).getString("message").isBlank());
    assertNoStackTrace(response.body());
  }

  private int total(String user) {
    return Http.json(get(user, "/api/v1/workspaces")).getInt("total");
  }

  @Test
  void createdWorkspaceIsListedAndReadBackInCamelCase() {
    String ann = register("api");
    var created =
        post(ann, "/api/v1/workspaces", workspace("<script>alert(1)</script>", "us1", "zh"));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject json = Http.json(created);
    long id = json.getJsonNumber("id").longValue();
    assertEquals(
        server.uri("/api/v1/workspaces/" + id).toString(),
        created.headers().firstValue("Location").orElseThrow());
    assertEquals("<script>alert(1)</script>", json.getString("name"), "stored as given, as text");
    assertEquals("zh", json.getString("language"));
    assertEquals("commercial", json.getString("plan"));
    assertEquals("billing-center", json.getString("settlementMethod"));
    assertEquals("active", json.getString("status"));

    var list = Http.json(get(ann, "/api/v1/workspaces"));
    assertEquals(1, list.getInt("total"));
    assertEquals(id, list.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
    assertEquals("us1", Http.json(get(ann, "/api/v1/workspaces/" + id)).getString("siteCode"));
    var audit = Http.json(get(ann, "/api/v1/audit")).getJsonArray("items");
    assertEquals("workspace.created", audit.getJsonObject(0).getString("action"));
    assertEquals(ann, audit.getJsonObject(0).getString("actor"));
  }

  @Test
  void listIsPagedSortedAndFiltered() {
    String ann = register("page");
    for (int i = 1; i <= 7; i++) {
      create(ann, "ws-" + i, i % 2 == 0 ? "eu1" : "us1");
    }
    var page2 = Http.json(get(ann, "/api/v1/workspaces?page=2&size=3&sort=name&order=desc"));
    assertEquals(7, page2.getInt("total"));
    assertEquals(2, page2.getInt("page"));
    assertEquals("ws-4", page2.getJsonArray("items").getJsonObject(0).getString("name"));
    var eu = Http.json(get(ann, "/api/v1/workspaces?siteCode=eu1&status=active"));
    assertEquals(3, eu.getInt("total"));
  }

  @Test
  void sitesAreTheConfiguredOnes() {
    String ann = register("sites");
    var sites = Http.jsonArray(get(ann, "/api/v1/sites"));
    assertEquals(9, sites.size());
    JsonObject first = sites.getJsonObject(0);
    assertEquals("cn1", first.getString("code"));
    assertEquals("中国区1（杭州）", first.getJsonObject("names").getString("zh"));
    assertEquals("CNY", first.getString("currency"));
    var us1 =
        sites.getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getString("code").equals("us1"))
            .findFirst()
            .orElseThrow();
    assertEquals("[\"aws\",\"billing-center\"]", us1.getJsonArray("settlementMethods").toString());
  }

  @Test
  void badWorkspacesAreRefusedAndNothingIsStored() {
    String ann = register("bad");
    assertError(
        post(ann, "/api/v1/workspaces", workspace("", "us1", "en")), 400, "workspace.name.length");
    assertError(
        post(ann, "/api/v1/workspaces", workspace("x".repeat(500), "us1", "en")),
        400,
        "workspace.name.length");
    assertError(post(ann, "/api/v1/workspaces", workspace("x", "mars", "en")), 400, "site.unknown");
    assertError(
        post(ann, "/api/v1/workspaces", workspace("x", "us1", "fr")),
        400,
        "workspace.language.invalid");
    assertError(post(ann, "/api/v1/workspaces", "{\"name\": [1, 2"), 400, "malformedBody");
    assertError(post(ann, "/api/v1/workspaces", ""), 400, "malformedBody");
    assertEquals(0, total(ann));
  }

  @Test
  void badQueriesGet400() {
    String ann = register("query");
    assertError(get(ann, "/api/v1/workspaces?sort=password"), 400, "sort.invalid");
    assertError(get(ann, "/api/v1/workspaces?size=5000"), 400, "page.size.invalid");
    assertError(get(ann, "/api/v1/workspaces?page=0"), 400, "page.invalid");
    assertError(get(ann, "/api/v1/workspaces?status=sleeping"), 400, "filter.invalid");
    assertError(get(ann, "/api/v1/workspaces?page=abc"), 400, "parameter.invalid");
  }

  @Test
  void settlementChangeFollowsTheSiteAndTheMonthLimit() throws Exception {
    String ann = register("settle");
    long aws = Database.registerAwsAccount(server, ann, "210987654321");
    long frankfurt = create(ann, "Frankfurt", "eu1");
    long hangzhou = create(ann, "Hangzhou", "cn1");

    var options =
        Http.jsonArray(get(ann, "/api/v1/workspaces/" + frankfurt + "/settlement-options"));
    assertEquals(2, options.size(), options.toString());
    assertEquals(
        "210987654321", options.getJsonObject(1).getString("accountLabel"), options.toString());

    String toAws = "{\"method\": \"aws\", \"cloudAccountId\": " + aws + "}";
    assertError(
        post(ann, "/api/v1/workspaces/" + hangzhou + "/settlement", toAws),
        400,
        "settlement.notAllowed");
    assertError(
        post(ann, "/api/v1/workspaces/" + frankfurt + "/settlement", "{\"method\": \"bitcoin\"}"),
        400,
        "settlement.unknown");
    assertError(
        post(
            ann,
            "/api/v1/workspaces/" + frankfurt + "/settlement",
            "{\"method\": \"billing-center\"}"),
        409,
        "settlement.unchanged");

    var changed = post(ann, "/api/v1/workspaces/" + frankfurt + "/settlement", toAws);
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals("aws", Http.json(changed).getString("settlementMethod"));
    assertEquals(aws, Http.json(changed).getJsonNumber("cloudAccountId").longValue());
    assertTrue(Http.json(changed).containsKey("nextSettlementChangeFrom"));

    assertError(
        post(
            ann,
            "/api/v1/workspaces/" + frankfurt + "/settlement",
            "{\"method\": \"billing-center\"}"),
        409,
        "settlement.oncePerMonth");
    var frankfurtNow = Http.json(get(ann, "/api/v1/workspaces/" + frankfurt));
    assertEquals("aws", frankfurtNow.getString("settlementMethod"), "the refusal changed nothing");
    assertEquals(
        "billing-center",
        Http.json(get(ann, "/api/v1/workspaces/" + hangzhou)).getString("settlementMethod"));
  }

  @Test
  void anotherAccountsWorkspaceIsAnsweredExactlyLikeAMissingOne() throws Exception {
    String ann = register("owner");
    String eve = register("intruder");
    long annsWorkspace = create(ann, "Ann's secret", "us1");
    long evesAws = Database.registerAwsAccount(server, eve, "999988887777");

    var notHers = get(eve, "/api/v1/workspaces/" + annsWorkspace);
    var missing = get(eve, "/api/v1/workspaces/987654321987");
    assertError(notHers, 404, "workspace.notFound");
    assertEquals(missing.statusCode(), notHers.statusCode());
    assertEquals(missing.body(), notHers.body());
    assertError(
        post(
            eve,
            "/api/v1/workspaces/" + annsWorkspace + "/settlement",
            "{\"method\": \"aws\", \"cloudAccountId\": " + evesAws + "}"),
        404,
        "workspace.notFound");
    assertError(
        get(eve, "/api/v1/workspaces/" + annsWorkspace + "/settlement-options"),
        404,
        "workspace.notFound");
    assertError(
        post(eve, "/api/v1/workspaces/" + annsWorkspace + "/commercial-plan", ""),
        404,
        "workspace.notFound");
    assertEquals(0, total(eve));
    assertFalse(get(eve, "/api/v1/audit").body().contains("Ann's secret"));
    var evesClouds = Http.jsonArray(get(eve, "/api/v1/cloud-accounts"));
    assertEquals(1, evesClouds.size(), "only her own cloud account");
    assertEquals(evesAws, evesClouds.getJsonObject(0).getJsonNumber("id").longValue());
    assertEquals(0, Http.jsonArray(get(ann, "/api/v1/cloud-accounts")).size());

    // Ann cannot use Eve's AWS account either.
    assertError(
        post(
            ann,
            "/api/v1/workspaces/" + annsWorkspace + "/settlement",
            "{\"method\": \"aws\", \"cloudAccountId\": " + evesAws + "}"),
        400,
        "settlement.cloudAccount.unavailable");
    assertEquals(
        "billing-center",
        Http.json(get(ann, "/api/v1/workspaces/" + annsWorkspace)).getString("settlementMethod"));
  }

  @Test
  void freeWorkspaceOpensTheCommercialPlanOnce() {
    String ann = register("free");
    var created =
        post(
            ann,
            "/api/v1/workspaces",
            "{\"name\": \"Trial\", \"siteCode\": \"ap1\", \"language\": \"en\", \"plan\": \"free\"}");
    assertEquals(201, created.statusCode(), created.body());
    long id = Http.json(created).getJsonNumber("id").longValue();
    assertEquals("free", Http.json(created).getString("plan"));
    var opened = post(ann, "/api/v1/workspaces/" + id + "/commercial-plan", "");
    assertEquals(200, opened.statusCode(), opened.body());
    assertEquals("commercial", Http.json(opened).getString("plan"));
    assertError(
        post(ann, "/api/v1/workspaces/" + id + "/commercial-plan", ""),
        409,
        "workspace.plan.alreadyCommercial");
  }

  @Test
  void passwordChangeThroughTheApi() {
    String ann = register("pwd");
    assertError(
        post(
            ann,
            "/api/v1/account/password",
            "{\"currentPassword\": \"wrong-one-2026\", \"newPassword\": \"Another-pass-2026\"}"),
        400,
        "password.currentWrong");
    assertError(
        post(
            ann,
            "/api/v1/account/password",
            "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"short1\"}"),
        400,
        "password.tooShort");
    var changed =
        post(
            ann,
            "/api/v1/account/password",
            "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"Another-pass-2026\"}");
    assertEquals(204, changed.statusCode(), changed.body());
    assertEquals(401, get(ann, "/api/v1/account").statusCode());
    assertEquals(
        200, Http.get(server.uri("/api/v1/account"), ann, "Another-pass-2026").statusCode());
  }

  @Test
  @SecurityPromise
  void apiCallsLeaveNoSessionBehind() {
    String ann = register("stateless");
    for (String path :
        List.of("/api/v1/workspaces", "/api/v1/workspaces?lang=zh", "/api/v1/version?lang=en")) {
      var answer = get(ann, path);
      assertEquals(200, answer.statusCode(), path + ": " + answer.body());
      assertEquals(
          java.util.Optional.empty(),
          answer.headers().firstValue("Set-Cookie"),
          path + " opens no session");
    }
    // The control: a page with ?lang keeps the language in a session, so it sets its cookie.
    var page = Http.get(server.uri("/login.xhtml?lang=zh"));
    assertTrue(
        page.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=")),
        "a page's language is kept in a session: " + page.headers().map());
  }

  /**
   * Dissolve through the API, as on the lock page: only a locked workspace, only with its name,
   * only the owner's; a refusal changes nothing; a dissolved workspace is gone from the API.
   */
  @Test
  @SecurityPromise
  void aLockedWorkspaceIsDissolvedWithItsNameAndIsGoneAfter() throws Exception {
    String user = Http.register(server, Http.uniqueName("dissolve"), PASSWORD);
    JsonObject buyer = SandboxBuyers.newBuyer(server, false);
    long aws =
        Database.registerAwsAccount(
            server, user, buyer.getString("awsAccountId"), buyer.getString("licenseArn"));
    long locked = WorkspaceCalls.create(server, user, PASSWORD, "To dissolve", "us1", "en");
    long active = WorkspaceCalls.create(server, user, PASSWORD, "Stays", "us1", "en");
    WorkspaceCalls.settleByAws(server, user, PASSWORD, locked, aws);
    SandboxBuyers.unsubscribe(server, buyer);
    var path = server.uri("/api/v1/workspaces/" + locked + "/dissolve");

    var notLocked =
        Http.postJson(
            server.uri("/api/v1/workspaces/" + active + "/dissolve"),
            "{\"name\": \"Stays\"}",
            user,
            PASSWORD);
    assertEquals(409, notLocked.statusCode(), notLocked.body());
    var wrongName = Http.postJson(path, "{\"name\": \"to dissolve\"}", user, PASSWORD);
    assertEquals(400, wrongName.statusCode(), wrongName.body());
    assertEquals("workspace.dissolve.nameMismatch", Http.json(wrongName).getString("error"));
    String stranger = Http.register(server, Http.uniqueName("stranger"), PASSWORD);
    assertEquals(
        404, Http.postJson(path, "{\"name\": \"To dissolve\"}", stranger, PASSWORD).statusCode());
    assertEquals(
        "locked",
        Http.json(Http.get(server.uri("/api/v1/workspaces/" + locked), user, PASSWORD))
            .getString("status"),
        "nothing changed");

    var dissolved = Http.postJson(path, "{\"name\": \" To dissolve \"}", user, PASSWORD);
    assertEquals(200, dissolved.statusCode(), dissolved.body());
    assertEquals("dissolved", Http.json(dissolved).getString("status"));
    assertEquals(
        404, Http.get(server.uri("/api/v1/workspaces/" + locked), user, PASSWORD).statusCode());
    var list = Http.json(Http.get(server.uri("/api/v1/workspaces"), user, PASSWORD));
    assertEquals(1, list.getInt("total"), list.toString());
    assertTrue(
        Http.get(server.uri("/api/v1/audit"), user, PASSWORD)
            .body()
            .contains("workspace.dissolved"));
  }
}
