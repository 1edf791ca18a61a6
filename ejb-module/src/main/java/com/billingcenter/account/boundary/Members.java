package com.billingcenter.account.boundary;

import com.billingcenter.account.control.MailedLinks;
import com.billingcenter.account.control.PasswordHashing;
import com.billingcenter.account.entity.AccountRuleViolation;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.MailedLink;
import com.billingcenter.account.entity.Member;
import com.billingcenter.account.entity.PasswordPolicy;
import com.billingcenter.account.entity.Person;
import com.billingcenter.account.entity.Role;
import com.billingcenter.audit.control.Audit;
import com.billingcenter.platform.control.JsonText;
import com.billingcenter.platform.control.PublicAddress;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * A customer's team: the people its owners and admins invite by e-mail with a role, who join with a
 * login of their own; their roles changed and their membership ended (which ends their sessions and
 * tokens at once: both are checked against the membership on every request). Who may do what is
 * checked here too, whatever page or API call asks: admins manage members but not owners, nobody
 * changes or removes themselves. Every change is in the account's audit log under the person's
 * name.
 */
@Stateless
public class Members {

  private static final Logger LOG = Logger.getLogger(Members.class.getName());

  /** How long an invitation's link works. */
  public static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

  /** At most this many invitations per account in an hour (a mailbox is not a target). */
  static final int MAX_INVITATIONS_PER_HOUR = 20;

  /** An invitation mail, sent once the invitation has committed. */
  public record Invitation(String to, String subject, String body) {}

  /** What the joining page shows about an open invitation. */
  public record Invited(String accountUsername, String loginAccount, Role role, Instant expiresAt)
      implements java.io.Serializable {}

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Audit audit;
  @Inject Accounts accounts;
  @Inject PasswordHashing passwordHashing;
  @Inject PublicAddress publicAddress;
  @Inject Event<Invitation> invitations;

  /**
   * Who {@code username} is, signed in: the account's own login (an owner) or a member who joined;
   * empty for anybody else (a member who was removed).
   */
  public Optional<Person> person(String username) {
    return accounts
        .findLogin(username)
        .map(
            login ->
                login instanceof Member m
                    ? new Person(
                        m.accountId(),
                        em.find(BillingAccount.class, m.accountId()).username(),
                        m.username(),
                        m.role(),
                        m.id())
                    : Person.ownLogin((BillingAccount) login));
  }

  /** The account's members (invited and joined), oldest first. */
  public List<Member> of(BillingAccount account) {
    return em.createNamedQuery(Member.OF_ACCOUNT, Member.class)
        .setParameter("accountId", account.id())
        .getResultList();
  }

  /**
   * Invites {@code loginAccount} with {@code role}; the invitation mail (English and Chinese, the
   * inviter's language first) goes out once this has committed.
   *
   * @throws AccountRuleViolation {@code role.forbidden} (an admin inviting an owner), {@code
   *     member.role}, {@code loginAccount.invalid}, {@code loginAccount.taken} (the address is
   *     somebody's login or invited already), {@code member.tooMany}
   */
  public Member invite(Person by, String loginAccount, String role, Locale language) {
    by.require(Role.Permission.MEMBERS);
    Role chosen = Role.parse(role);
    if (!by.mayGive(chosen)) {
      throw by.forbidden();
    }
    String login = BillingAccount.normalizeLoginAccount(loginAccount);
    BillingAccount account =
        em.find(BillingAccount.class, by.accountId(), LockModeType.PESSIMISTIC_WRITE);
    accounts.refuseTaken(null, login);
    long lately =
        em.createQuery(
                "select count(m) from Member m where m.accountId = :accountId"
                    + " and m.invitation.createdAt >= :since",
                Long.class)
            .setParameter("accountId", account.id())
            .setParameter("since", clock.instant().minus(Duration.ofHours(1)))
            .getSingleResult();
    if (lately >= MAX_INVITATIONS_PER_HOUR) {
      throw new AccountRuleViolation(
          "member.tooMany", "Too many invitations in the last hour; try again later.");
    }
    String tag = language == null ? "en" : language.getLanguage();
    var invited =
        Member.invite(account.id(), login, chosen, by.name(), tag, INVITATION_LIFETIME, clock);
    em.persist(invited.member());
    try {
      em.flush();
    } catch (PersistenceException raced) {
      throw new AccountRuleViolation(
          "loginAccount.taken", "This login account already belongs to another user.");
    }
    audit(by, "member.invited", invited.member(), null);
    invitations.fire(letter(account, invited, by, language));
    return invited.member();
  }

  /** The open invitation {@code token} names, for the joining page; empty for any other text. */
  public Optional<Invited> invitation(String token) {
    return open(token, false)
        .map(
            m ->
                new Invited(
                    em.find(BillingAccount.class, m.accountId()).username(),
                    m.loginAccount(),
                    m.role(),
                    m.invitation().expiresAt()));
  }

  /**
   * Joins the team the invitation {@code token} names with a user name and password of one's own.
   *
   * @throws AccountRuleViolation {@code invitation.invalid} (unknown, used, expired or withdrawn),
   *     {@code username.invalid}, {@code username.taken}, the password's rules
   */
  public Member join(String token, String username, String password) {
    Member member =
        open(token, true)
            .orElseThrow(
                () ->
                    new AccountRuleViolation(
                        "invitation.invalid",
                        "This invitation is not valid (used, expired or withdrawn)."));
    BillingAccount.checkUsername(username);
    PasswordPolicy.check(password, username);
    accounts.refuseTaken(username, null);
    member.join(username, passwordHashing.hash(password), clock);
    try {
      em.flush();
    } catch (PersistenceException raced) {
      throw new AccountRuleViolation("username.taken", "This user name is already taken.");
    }
    audit.record(
        member.accountId(),
        username,
        "member.joined",
        SUBJECT,
        member.id(),
        null,
        describe(member));
    LOG.info(() -> "A member joined account " + member.accountId() + " as " + member.role());
    return member;
  }

  /**
   * Gives a member another role.
   *
   * @throws AccountRuleViolation {@code role.forbidden} (not theirs to change), {@code
   *     member.self}, {@code member.notFound}, {@code member.role}
   */
  public Member changeRole(Person by, long memberId, String role) {
    Role chosen = Role.parse(role);
    Member member = managed(by, memberId);
    if (!by.mayGive(chosen)) {
      throw by.forbidden();
    }
    String before = describe(member);
    if (member.changeRole(chosen)) {
      audit(by, "member.roleChanged", member, before);
    }
    return member;
  }

  /**
   * Ends a membership (or withdraws an invitation): their tokens and sessions end at once.
   *
   * @throws AccountRuleViolation as {@link #changeRole}
   */
  public void remove(Person by, long memberId) {
    Member member = managed(by, memberId);
    String before = describe(member);
    em.createNativeQuery("DELETE FROM api_token WHERE member_id = ?")
        .setParameter(1, member.id())
        .executeUpdate();
    em.remove(member);
    audit.record(by.accountId(), by.name(), "member.removed", SUBJECT, member.id(), before, null);
  }

  /** A member of the caller's account whom the caller may manage, held for the change. */
  private Member managed(Person by, long memberId) {
    by.require(Role.Permission.MEMBERS);
    Member member = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
    if (member == null || member.accountId() != by.accountId()) {
      throw new AccountRuleViolation("member.notFound", "There is no such member.");
    }
    if (member.id().equals(by.memberId())) {
      throw new AccountRuleViolation(
          "member.self", "You cannot change or remove your own membership.");
    }
    if (!by.mayManage(member)) {
      throw by.forbidden();
    }
    return member;
  }

  private Optional<Member> open(String token, boolean forUpdate) {
    return MailedLink.hashOf(token)
        .flatMap(
            hash -> {
              var query =
                  em.createNamedQuery(Member.BY_INVITE_HASH, Member.class)
                      .setParameter("inviteHash", hash);
              if (forUpdate) {
                query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
              }
              return query.getResultStream().findFirst();
            })
        .filter(m -> m.invitationOpensAt(clock.instant()));
  }

  private Invitation letter(
      BillingAccount account, Member.Invited invited, Person by, Locale language) {
    String link =
        publicAddress.link(
            "/join.xhtml?token=" + URLEncoder.encode(invited.token(), StandardCharsets.UTF_8));
    Locale first =
        Locale.CHINESE.getLanguage().equals(language == null ? "" : language.getLanguage())
            ? Locale.CHINESE
            : Locale.ENGLISH;
    Locale second = first == Locale.CHINESE ? Locale.ENGLISH : Locale.CHINESE;
    StringBuilder body = new StringBuilder();
    String subject = null;
    for (Locale l : new Locale[] {first, second}) {
      ResourceBundle texts = MailedLinks.texts(l);
      subject = subject == null ? texts.getString("invitation.subject") : subject;
      if (body.length() > 0) {
        body.append("\n\n----\n\n");
      }
      body.append(
          new MessageFormat(texts.getString("invitation.body"), texts.getLocale())
              .format(
                  new Object[] {
                    by.name(),
                    account.username(),
                    texts.getString("role." + invited.member().role().code()),
                    link,
                    INVITATION_LIFETIME.toDays()
                  }));
    }
    return new Invitation(invited.member().loginAccount(), subject, body.toString());
  }

  private void audit(Person by, String action, Member member, String before) {
    audit.record(by.accountId(), by.name(), action, SUBJECT, member.id(), before, describe(member));
  }

  private static final String SUBJECT = "member";

  private static String describe(Member member) {
    var json =
        JsonText.PROVIDER
            .createObjectBuilder()
            .add("loginAccount", member.loginAccount())
            .add("role", member.role().code());
    if (member.username() != null) {
      json.add("username", member.username());
    }
    return json.build().toString();
  }
}
