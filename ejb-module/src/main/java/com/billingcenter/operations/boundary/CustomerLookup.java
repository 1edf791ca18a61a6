package com.billingcenter.operations.boundary;

import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.workspace.control.WorkspaceCurrencies;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The operators' view of the customers, read only: finding one by what a customer or AWS names them
 * with, and a customer's page (workspaces and their countdowns, cloud accounts, agreements, bills,
 * audit log). What an operator does for a customer is {@link OperatorActions}.
 */
@Stateless
public class CustomerLookup {

  /** At most this many customers found. */
  static final int MAX_FOUND = 50;

  /** A customer found, and by what. */
  public record Found(long accountId, String username, String loginAccount, String matchedBy)
      implements java.io.Serializable {}

  /** A customer's workspace as the console lists it; {@code countdownEndsAt} while locked. */
  public record WorkspaceRow(
      long id,
      String name,
      String site,
      String method,
      Long cloudAccountId,
      String status,
      Instant countdownEndsAt,
      String currency,
      String nextMonthCurrency)
      implements java.io.Serializable {

    /** Whether its countdown runs (an operator may extend it). */
    public boolean counting() {
      return "LOCKED".equals(status) && countdownEndsAt != null;
    }
  }

  /** An AWS agreement of one of the customer's cloud accounts, with its terms as last read. */
  public record AgreementRow(
      long cloudAccountId,
      String agreementId,
      String pricingModel,
      String currency,
      Instant startsAt,
      Instant endsAt,
      String termsState,
      String agreementStatus)
      implements java.io.Serializable {}

  /** A final bill of the customer. */
  public record BillRow(java.time.YearMonth month, Instant finalizedAt)
      implements java.io.Serializable {}

  /** A customer's cloud account as the console lists it. */
  public record CloudAccountRow(
      long id, String provider, String accountId, String status, String license)
      implements java.io.Serializable {}

  /** One entry of the customer's audit log. */
  public record AuditRow(Instant at, String actor, String action, String after)
      implements java.io.Serializable {}

  /** A customer's page. */
  public record Customer(
      long accountId,
      String username,
      String loginAccount,
      boolean arbitrarySelection,
      List<WorkspaceRow> workspaces,
      List<CloudAccountRow> cloudAccounts,
      List<AgreementRow> agreements,
      List<BillRow> bills,
      List<AuditRow> audit)
      implements java.io.Serializable {}

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject WorkspaceCurrencies currencies;
  @Inject java.time.Clock clock;

  /**
   * The customers {@code query} names: by user name or e-mail (the start of either), workspace name
   * (its start) or id, AWS account id, license (ARN or id) or agreement id; at most {@value
   * #MAX_FOUND}, in account order.
   */
  public List<Found> find(String query) {
    String text = query == null ? "" : query.strip();
    if (text.isEmpty() || text.length() > 512) {
      return List.of();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    String prefix = lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    long id = text.matches("\\d{1,18}") ? Long.parseLong(text) : -1;
    Map<Long, Found> found = new LinkedHashMap<>();
    add(
        found,
        "user",
        "SELECT a.id, a.username, a.login_account FROM billing_account a"
            + " WHERE LOWER(a.username) LIKE ? ESCAPE '\\' OR LOWER(a.login_account) LIKE ? ESCAPE '\\'",
        prefix,
        prefix);
    add(
        found,
        "team member",
        "SELECT a.id, a.username, a.login_account FROM billing_account a"
            + " JOIN team_member m ON m.account_id = a.id"
            + " WHERE LOWER(m.username) LIKE ? ESCAPE '\\' OR m.login_account LIKE ? ESCAPE '\\'",
        prefix,
        prefix);
    add(
        found,
        "workspace",
        "SELECT a.id, a.username, a.login_account FROM billing_account a"
            + " JOIN workspace w ON w.owner_id = a.id"
            + " WHERE LOWER(w.name) LIKE ? ESCAPE '\\' OR w.id = ?",
        prefix,
        id);
    add(
        found,
        "cloud account",
        "SELECT a.id, a.username, a.login_account FROM billing_account a"
            + " JOIN cloud_account c ON c.owner_id = a.id"
            + " WHERE c.provider_account_id = ? OR c.license_id = ? OR c.license_arn = ?"
            + " OR c.license_alias = ? OR EXISTS (SELECT 1 FROM marketplace_agreement g"
            + " WHERE g.agreement_id = ? AND g.provider = c.provider"
            + " AND g.license_key = c.license_id)",
        text,
        text,
        text,
        text,
        text);
    return List.copyOf(List.copyOf(found.values()).subList(0, Math.min(MAX_FOUND, found.size())));
  }

  /** A customer's page: account, workspaces, cloud accounts and the newest 30 audit entries. */
  public Optional<Customer> customer(long accountId) {
    record Account(String username, String login, boolean arbitrary) {}
    Optional<Account> account =
        Sql.first(
            dataSource,
            "a customer",
            "SELECT username, login_account, arbitrary_selection FROM billing_account WHERE id = ?",
            r -> new Account(r.getString(1), r.getString(2), r.getBoolean(3)),
            accountId);
    WorkspaceCurrencies.Switches switches = currencies.ofOwner(accountId);
    java.time.YearMonth month =
        java.time.YearMonth.from(clock.instant().atZone(java.time.ZoneOffset.UTC));
    return account.map(
        a ->
            new Customer(
                accountId,
                a.username(),
                a.login(),
                a.arbitrary(),
                Sql.list(
                    dataSource,
                    "a customer's workspaces",
                    "SELECT id, name, site_code, settlement_method, cloud_account_id, status,"
                        + " countdown_ends_at FROM workspace WHERE owner_id = ? ORDER BY id",
                    r ->
                        new WorkspaceRow(
                            r.getLong(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            (Long) r.getObject(5, Long.class),
                            r.getString(6),
                            UtcTimes.read(r, 7),
                            switches.of(r.getLong(1), r.getString(3), month).getCurrencyCode(),
                            switches
                                .of(r.getLong(1), r.getString(3), month.plusMonths(1))
                                .getCurrencyCode()),
                    accountId),
                Sql.list(
                    dataSource,
                    "a customer's cloud accounts",
                    "SELECT id, provider, provider_account_id, status,"
                        + " COALESCE(license_arn, license_id) FROM cloud_account"
                        + " WHERE owner_id = ? ORDER BY id",
                    r ->
                        new CloudAccountRow(
                            r.getLong(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5)),
                    accountId),
                Sql.list(
                    dataSource,
                    "a customer's agreements",
                    "SELECT c.id, g.agreement_id, g.pricing_model, g.currency, g.starts_at,"
                        + " g.end_time, g.terms_state, g.agreement_status FROM cloud_account c"
                        + " JOIN marketplace_agreement g ON g.provider = c.provider"
                        + " AND (g.license_key = c.license_id OR g.license_key IN (SELECT"
                        + " f.license_key FROM cloud_account_license f"
                        + " WHERE f.cloud_account_id = c.id))"
                        + " WHERE c.owner_id = ? ORDER BY c.id, g.linked_at DESC, g.id DESC",
                    r ->
                        new AgreementRow(
                            r.getLong(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            UtcTimes.read(r, 5),
                            UtcTimes.read(r, 6),
                            r.getString(7),
                            r.getString(8)),
                    accountId),
                Sql.list(
                    dataSource,
                    "a customer's bills",
                    "SELECT bill_month, finalized_at FROM bill WHERE owner_id = ?"
                        + " ORDER BY bill_month DESC FETCH FIRST 12 ROWS ONLY",
                    r ->
                        new BillRow(
                            java.time.YearMonth.from(r.getObject(1, java.time.LocalDate.class)),
                            UtcTimes.read(r, 2)),
                    accountId),
                Sql.list(
                    dataSource,
                    "a customer's audit log",
                    "SELECT occurred_at, actor, action, after_value FROM audit_entry"
                        + " WHERE account_id = ? ORDER BY id DESC FETCH FIRST 30 ROWS ONLY",
                    r ->
                        new AuditRow(
                            UtcTimes.read(r, 1), r.getString(2), r.getString(3), r.getString(4)),
                    accountId)));
  }

  private void add(Map<Long, Found> found, String by, String sql, Object... parameters) {
    List<Found> rows = new ArrayList<>();
    for (Found f :
        Sql.list(
            dataSource,
            "the customers found",
            sql + " ORDER BY a.id FETCH FIRST " + MAX_FOUND + " ROWS ONLY",
            r -> new Found(r.getLong(1), r.getString(2), r.getString(3), by),
            parameters)) {
      rows.add(f);
    }
    rows.forEach(f -> found.putIfAbsent(f.accountId(), f));
  }
}
