package com.billingcenter.account.web;

import com.billingcenter.account.boundary.Members;
import com.billingcenter.account.entity.Member;
import com.billingcenter.account.entity.Person;
import com.billingcenter.account.entity.Role;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.platform.web.Requires;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Members page: the account's team with their roles; owners and admins invite by e-mail, change
 * roles and remove (the page shows those controls to them only, and the server refuses them to
 * anybody else).
 */
@Named
@ViewScoped
public class MembersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Members members;
  @Inject Caller caller;
  @Inject Clock clock;

  private String loginAccount;
  private String role = Role.VIEWER.code();
  private List<Row> list;
  private final Map<Long, String> roles = new HashMap<>();

  /**
   * A member as the page lists them (kept with the view, so serializable): {@code status} is {@code
   * joined}, {@code invited} or {@code expired}; {@code manageable} whether the caller may change
   * or remove them (not themselves, owners only by owners).
   */
  public record Row(
      long id,
      String loginAccount,
      String username,
      String role,
      String status,
      String invitedBy,
      String invitedAt,
      boolean manageable)
      implements Serializable {}

  public List<Row> getMembers() {
    if (list == null) {
      var me = caller.person();
      list = members.of(caller.account()).stream().map(m -> row(m, me)).toList();
      roles.clear();
      list.forEach(r -> roles.put(r.id(), r.role()));
    }
    return list;
  }

  private Row row(Member member, Person me) {
    return new Row(
        member.id(),
        member.loginAccount(),
        member.username(),
        member.role().code(),
        member.state(clock.instant()),
        member.invitedBy(),
        UtcTimes.MINUTES.format(member.invitation().createdAt()),
        me.mayManage(member));
  }

  /** The roles the caller may give: owner only when they may make owners. */
  public List<String> getGivableRoles() {
    var me = caller.person();
    return java.util.Arrays.stream(Role.values()).filter(me::mayGive).map(Role::code).toList();
  }

  @Requires(Role.Permission.MEMBERS)
  public void invite() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      members.invite(caller.person(), loginAccount, role, faces.getViewRoot().getLocale());
      Messages.info(faces, "members.invited", loginAccount);
      loginAccount = null;
      list = null;
    } catch (RuleViolation refused) {
      Messages.error(faces, null, refused.code());
    }
  }

  @Requires(Role.Permission.MEMBERS)
  public void changeRole(long memberId) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      members.changeRole(caller.person(), memberId, roles.get(memberId));
      Messages.info(faces, "members.roleChanged");
    } catch (RuleViolation refused) {
      Messages.error(faces, null, refused.code());
    }
    list = null;
  }

  @Requires(Role.Permission.MEMBERS)
  public void remove(long memberId) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      members.remove(caller.person(), memberId);
      Messages.info(faces, "members.removed");
    } catch (RuleViolation refused) {
      Messages.error(faces, null, refused.code());
    }
    list = null;
  }

  /** Each listed member's role as chosen on the page (by member id). */
  public Map<Long, String> getRoles() {
    return roles;
  }

  public String getLoginAccount() {
    return loginAccount;
  }

  public void setLoginAccount(String loginAccount) {
    this.loginAccount = loginAccount;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }
}
