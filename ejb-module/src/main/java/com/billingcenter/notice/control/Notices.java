package com.billingcenter.notice.control;

import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.notice.entity.Notice;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;

/**
 * Writes notices to customers in the language of the workspace they are about (its templates are in
 * {@code com/billingcenter/notice/notices*.properties}), inside the transaction of the change.
 */
@Dependent
public class Notices {

  static final String TEMPLATES = "com.billingcenter.notice.notices";

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<NoticeWritten> written;

  /**
   * The workspace lost the cloud account that settled it and is locked: the subscription ended, or
   * ({@code subscriptionFailed}) it failed.
   */
  public Notice workspaceLocked(
      Workspace workspace, CloudAccount cloudAccount, boolean subscriptionFailed) {
    // No fallback to the JVM's default locale: English is the base bundle.
    ResourceBundle templates =
        ResourceBundle.getBundle(
            TEMPLATES,
            workspace.language().locale(),
            Notices.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Object[] values = {
      workspace.name(),
      cloudAccount.providerAccountId(),
      WHEN.format(workspace.countdownEnd().orElseThrow())
    };
    Notice notice =
        Notice.about(
            workspace.ownerId(),
            workspace.id(),
            workspace.language(),
            "workspace.locked",
            format(templates, "workspaceLocked.subject", values),
            format(
                templates,
                subscriptionFailed ? "workspaceLocked.failedBody" : "workspaceLocked.body",
                values),
            clock);
    em.persist(notice);
    written.fire(new NoticeWritten(notice.id()));
    return notice;
  }

  private static String format(ResourceBundle templates, String key, Object[] values) {
    return new MessageFormat(templates.getString(key), templates.getLocale()).format(values);
  }
}
