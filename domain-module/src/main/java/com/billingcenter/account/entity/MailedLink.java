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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A link mailed to a customer that opens one page without signing in: a password reset (works once)
 * or the lock page of one workspace (works until it expires). The link carries a random token of
 * 256 bits; only its SHA-256 is stored, so that whoever reads the database cannot follow a link.
 */
@Entity
@Table(name = "mailed_link")
@NamedQuery(
    name = MailedLink.BY_TOKEN_HASH,
    query = "select l from MailedLink l where l.tokenHash = :tokenHash")
@NamedQuery(
    name = MailedLink.COUNT_SENT_SINCE,
    query =
        "select count(l) from MailedLink l where l.accountId = :accountId"
            + " and l.purpose = :purpose and l.use.createdAt >= :since")
@NamedQuery(
    name = MailedLink.UNUSED_OF_ACCOUNT,
    query =
        "select l from MailedLink l where l.accountId = :accountId and l.purpose = :purpose"
            + " and l.use.usedAt is null")
public class MailedLink {

  public static final String BY_TOKEN_HASH = "MailedLink.byTokenHash";
  public static final String COUNT_SENT_SINCE = "MailedLink.countSentSince";
  public static final String UNUSED_OF_ACCOUNT = "MailedLink.unusedOfAccount";

  /** What a link opens. */
  public enum Purpose {
    /** The page that sets a new password; works once. */
    PASSWORD_RESET,
    /** The lock page of one workspace; works until it expires. */
    LOCK_PAGE,
    /** The page that confirms the account's login e-mail address; works once. */
    VERIFY_EMAIL
  }

  /** The longest token accepted for a look-up (a token is 43 characters). */
  public static final int MAX_TOKEN = 64;

  @Id
  @SequenceGenerator(
      name = "mailed_link_seq",
      sequenceName = "mailed_link_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailed_link_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Purpose purpose;

  @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
  private String tokenHash;

  @Column(name = "account_id", nullable = false, updatable = false)
  private Long accountId;

  @Column(name = "workspace_id", updatable = false)
  private Long workspaceId;

  /** The team member a password reset is for; null for the account's own login. */
  @Column(name = "member_id", updatable = false)
  private Long memberId;

  @Embedded private SingleUse use;

  @Version private long version;

  protected MailedLink() {}

  /** A new link and the token to put in its URL (the token is not kept). */
  public record Issued(MailedLink link, String token) {}

  public static Issued issue(
      Purpose purpose, long accountId, Long workspaceId, Duration lifetime, Clock clock) {
    return issue(purpose, accountId, workspaceId, null, lifetime, clock);
  }

  /** A new link for one team member's login ({@code memberId}; null: the account's own). */
  public static Issued issue(
      Purpose purpose,
      long accountId,
      Long workspaceId,
      Long memberId,
      Duration lifetime,
      Clock clock) {
    String token = SingleUse.randomToken();
    MailedLink link = new MailedLink();
    link.purpose = Objects.requireNonNull(purpose, "purpose");
    link.tokenHash = hash(token);
    link.accountId = accountId;
    link.workspaceId = workspaceId;
    link.memberId = memberId;
    link.use = SingleUse.from(clock.instant(), lifetime);
    return new Issued(link, token);
  }

  /**
   * The stored form of a token, or empty for a text that cannot be one (so that a hostile value is
   * never even looked up).
   */
  public static Optional<String> hashOf(String token) {
    if (token == null
        || token.isEmpty()
        || token.length() > MAX_TOKEN
        || !token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')
        || !token.chars().allMatch(c -> c < 128)) {
      return Optional.empty();
    }
    return Optional.of(hash(token));
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Whether the link still opens its page at {@code now}: not expired, and not used up. */
  public boolean opensAt(Instant now) {
    return use.refusalAt(now).isEmpty();
  }

  /**
   * Uses a single-use link up. Refuses ({@code link.expired} or {@code link.used}) a link that no
   * longer opens its page.
   */
  public void useUp(Clock clock) {
    Instant now = clock.instant();
    use.refusalAt(now)
        .ifPresent(
            refusal -> {
              throw refusal == SingleUse.Refusal.USED
                  ? new AccountRuleViolation("link.used", "This link was used already.")
                  : new AccountRuleViolation("link.expired", "This link has expired.");
            });
    use.useAt(now);
  }

  /** A link that must not open its page any more (another one was used). */
  public void withdraw(Clock clock) {
    use.withdrawAt(clock.instant());
  }

  public Long id() {
    return id;
  }

  public Purpose purpose() {
    return purpose;
  }

  public Long accountId() {
    return accountId;
  }

  public Long workspaceId() {
    return workspaceId;
  }

  /** The team member the link is for; null for the account's own login. */
  public Long memberId() {
    return memberId;
  }

  /** Whether the link is for {@code login}: the account's own, or that member's. */
  public boolean isFor(Login login) {
    return login instanceof Member member
        ? member.id().equals(memberId)
        : memberId == null && login.accountId().equals(accountId);
  }

  /** When it was made, until when it may be used and when it was used. */
  public SingleUse use() {
    return use;
  }
}
