package com.billingcenter.account.entity;

import com.billingcenter.platform.entity.SingleUse;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A person on a customer's team other than the account's own login: invited by e-mail with a role
 * (a mailed, single-use link that expires), then joined with a user name and password of their own.
 * Until they join they cannot sign in. The invitation link's token is kept as its SHA-256 only.
 */
@Entity
@Table(name = "team_member")
@NamedQuery(
    name = Member.OF_ACCOUNT,
    query = "select m from Member m where m.accountId = :accountId order by m.id")
@NamedQuery(
    name = Member.BY_USERNAME,
    query = "select m from Member m where m.username = :username")
@NamedQuery(
    name = Member.BY_LOGIN_ACCOUNT,
    query = "select m from Member m where m.loginAccount = :loginAccount")
@NamedQuery(
    name = Member.BY_INVITE_HASH,
    query = "select m from Member m where m.inviteHash = :inviteHash")
public class Member implements Login {

  public static final String OF_ACCOUNT = "Member.ofAccount";
  public static final String BY_USERNAME = "Member.byUsername";
  public static final String BY_LOGIN_ACCOUNT = "Member.byLoginAccount";
  public static final String BY_INVITE_HASH = "Member.byInviteHash";

  @Id
  @SequenceGenerator(
      name = "team_member_seq",
      sequenceName = "team_member_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_member_seq")
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private Long accountId;

  @Column(name = "login_account", nullable = false, unique = true, length = 254)
  private String loginAccount;

  /** Chosen when joining; null until then. */
  @Column(unique = true, length = 40)
  private String username;

  @Column(name = "password_hash", length = 512)
  private String passwordHash;

  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(name = "invited_by", nullable = false, updatable = false, length = 40)
  private String invitedBy;

  /** The invitation mail's language tag ({@code en}, {@code zh}). */
  @Column(nullable = false, updatable = false, length = 8)
  private String language;

  @Column(name = "invite_hash", nullable = false, unique = true, updatable = false, length = 64)
  private String inviteHash;

  @Embedded private SingleUse invitation;

  @Version private long version;

  protected Member() {}

  /** A new invitation and the token to put in its link (the token is not kept). */
  public record Invited(Member member, String token) {}

  /** Invites {@code loginAccount} (an e-mail address) to the account with {@code role}. */
  public static Invited invite(
      long accountId,
      String loginAccount,
      Role role,
      String invitedBy,
      String language,
      Duration lifetime,
      Clock clock) {
    String token = SingleUse.randomToken();
    Member member = new Member();
    member.accountId = accountId;
    member.loginAccount = BillingAccount.normalizeLoginAccount(loginAccount);
    member.role = Objects.requireNonNull(role, "role");
    member.invitedBy = Objects.requireNonNull(invitedBy, "invitedBy");
    member.language = language == null || language.isBlank() ? "en" : language;
    member.inviteHash = MailedLink.hashOf(token).orElseThrow();
    member.invitation = SingleUse.from(clock.instant(), lifetime);
    return new Invited(member, token);
  }

  /**
   * Joins with a user name and a password hash (the caller checked the password's strength and that
   * the name is free). Refuses an invitation that was used ({@code invitation.used}) or has expired
   * ({@code invitation.expired}).
   */
  public void join(String username, String passwordHash, Clock clock) {
    Instant now = clock.instant();
    invitation
        .refusalAt(now)
        .ifPresent(
            refusal -> {
              throw refusal == SingleUse.Refusal.USED
                  ? new AccountRuleViolation("invitation.used", "This invitation was used already.")
                  : new AccountRuleViolation("invitation.expired", "This invitation has expired.");
            });
    this.username = BillingAccount.checkUsername(username);
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.passwordChangedAt = now;
    invitation.useAt(now);
  }

  /** Whether the invitation's link still opens the joining page at {@code now}. */
  public boolean invitationOpensAt(Instant now) {
    return invitation.refusalAt(now).isEmpty();
  }

  /** {@code joined}, {@code invited} (the link still opens) or {@code expired}, at {@code now}. */
  public String state(Instant now) {
    return joined() ? "joined" : invitationOpensAt(now) ? "invited" : "expired";
  }

  /** A member's address was confirmed when they joined through the invitation mailed to it. */
  @Override
  public boolean loginVerified() {
    return joined();
  }

  /** Whether they joined (and may sign in). */
  public boolean joined() {
    return username != null;
  }

  /** Gives the member another role; answers whether it changed. */
  public boolean changeRole(Role newRole) {
    boolean changed = role != Objects.requireNonNull(newRole, "newRole");
    role = newRole;
    return changed;
  }

  @Override
  public void changePasswordHash(String newPasswordHash, Clock clock) {
    this.passwordHash = Objects.requireNonNull(newPasswordHash, "newPasswordHash");
    this.passwordChangedAt = clock.instant();
  }

  /** The same password hashed again more strongly: not a change of password. */
  @Override
  public void rehash(String strongerHash) {
    this.passwordHash = Objects.requireNonNull(strongerHash, "strongerHash");
  }

  public Long id() {
    return id;
  }

  @Override
  public Long accountId() {
    return accountId;
  }

  @Override
  public String loginAccount() {
    return loginAccount;
  }

  @Override
  public String username() {
    return username;
  }

  @Override
  public String passwordHash() {
    return passwordHash;
  }

  @Override
  public Instant passwordChangedAt() {
    return passwordChangedAt;
  }

  @Override
  public Role role() {
    return role;
  }

  public String invitedBy() {
    return invitedBy;
  }

  public String language() {
    return language;
  }

  /** When they were invited, until when the link works, and when they joined. */
  public SingleUse invitation() {
    return invitation;
  }

  @Override
  public String toString() {
    return "Member[" + id + ", " + role + "]";
  }
}
