package com.billingcenter.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.web.MembersView;
import com.billingcenter.bill.web.BudgetsView;
import com.billingcenter.workspace.web.WorkspacesView;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action a customer's page can post names the role's permission it needs ({@link Requires},
 * checked on the server by {@link RoleCheck}), unless it only reads or belongs to a page for people
 * not signed in: a new button cannot change something for a viewer by being forgotten.
 */
class PageActionRolesTest {

  private static final Path PAGES = Path.of("src/main/webapp");

  /** Actions that change nothing of an account, or run where nobody is signed in. */
  private static final Set<String> UNGUARDED =
      Set.of(
          // reads
          "billsView.load",
          "consumptionView.show",
          "meteringLedgerView.load",
          "reconciliationView.load",
          "lockedView.load",
          "setupView.load",
          "workspacesView.openUnlock", // opens the change for a role that may make it only
          // pages for people not signed in (their own rules: a mailed link, a throttle)
          "loginView.login",
          "registerView.register",
          "forgotPasswordView.send",
          "resetPasswordView.load",
          "resetPasswordView.reset",
          "verifyEmailView.load",
          "joinView.load",
          "joinView.join",
          "setupView.registerAndOpen");

  private static final Pattern ACTION =
      Pattern.compile("(?:action|actionListener|listener)=\"#\\{(\\w+)\\.(\\w+)");

  private static final Map<String, String> BEANS =
      Map.ofEntries(
          Map.entry("accountView", "com.billingcenter.account.web.AccountView"),
          Map.entry("apiTokensView", "com.billingcenter.account.web.ApiTokensView"),
          Map.entry("membersView", "com.billingcenter.account.web.MembersView"),
          Map.entry("budgetsView", "com.billingcenter.bill.web.BudgetsView"),
          Map.entry("cloudAccountsView", "com.billingcenter.cloudaccount.web.CloudAccountsView"),
          Map.entry("lockedView", "com.billingcenter.workspace.web.LockedView"),
          Map.entry("setupView", "com.billingcenter.marketplace.web.SetupView"),
          Map.entry("workspacesView", "com.billingcenter.workspace.web.WorkspacesView"),
          Map.entry("commercialPlanView", "com.billingcenter.workspace.web.CommercialPlanView"));

  @Test
  void everyStateChangingActionOfTheCustomersPagesNamesItsPermission() throws Exception {
    Set<String> unguarded = new TreeSet<>();
    Set<String> actions = actions();
    assertTrue(actions.size() > 20, "found the pages' actions: " + actions);
    for (String action : actions) {
      if (UNGUARDED.contains(action)) {
        continue;
      }
      String bean = action.substring(0, action.indexOf('.'));
      String method = action.substring(action.indexOf('.') + 1);
      String type = BEANS.get(bean);
      if (type == null) {
        unguarded.add(action + " (its bean is not known to this test)");
        continue;
      }
      boolean guarded =
          Arrays.stream(Class.forName(type).getMethods())
              .filter(m -> m.getName().equals(method))
              .map(m -> m.getAnnotation(Requires.class))
              .anyMatch(r -> r != null);
      if (!guarded) {
        unguarded.add(action);
      }
    }
    assertEquals(Set.of(), unguarded, "page actions that name no permission");
  }

  @Test
  void theCheckIsWhereThePermissionSays() throws Exception {
    assertEquals(
        com.billingcenter.account.entity.Role.Permission.WORKSPACES,
        requires(WorkspacesView.class, "changeSettlement"));
    assertEquals(
        com.billingcenter.account.entity.Role.Permission.BUDGETS,
        requires(BudgetsView.class, "create"));
    assertEquals(
        com.billingcenter.account.entity.Role.Permission.MEMBERS,
        requires(MembersView.class, "invite"));
  }

  private static com.billingcenter.account.entity.Role.Permission requires(
      Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getAnnotation(Requires.class) != null) {
        return m.getAnnotation(Requires.class).value();
      }
    }
    return null;
  }

  private static Set<String> actions() throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.list(PAGES)) {
      for (Path page : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
        Matcher m = ACTION.matcher(Files.readString(page));
        while (m.find()) {
          found.add(m.group(1) + "." + m.group(2));
        }
      }
    }
    return found;
  }
}
