package com.billingcenter.notice.entity;

import com.billingcenter.workspace.entity.WorkspaceLanguage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A message to a customer about one of their workspaces (e.g. it was locked), written in the
 * workspace's language when it was sent and kept as written.
 */
@Entity
@Table(name = "notice")
@NamedQuery(
    name = Notice.BY_OWNER,
    query = "select n from Notice n where n.ownerId = :ownerId order by n.id desc")
@NamedQuery(
    name = Notice.COUNT_BY_OWNER,
    query = "select count(n) from Notice n where n.ownerId = :ownerId")
public class Notice {

  public static final String BY_OWNER = "Notice.byOwner";
  public static final String COUNT_BY_OWNER = "Notice.countByOwner";

  public static final int MAX_SUBJECT = 200;
  public static final int MAX_BODY = 2000;

  @Id
  @SequenceGenerator(name = "notice_seq", sequenceName = "notice_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_seq")
  private Long id;

  @Column(name = "owner_id", nullable = false, updatable = false)
  private Long ownerId;

  @Column(name = "workspace_id", updatable = false)
  private Long workspaceId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 8)
  private WorkspaceLanguage language;

  @Column(nullable = false, updatable = false, length = 32)
  private String kind;

  @Column(nullable = false, updatable = false, length = MAX_SUBJECT)
  private String subject;

  @Column(nullable = false, updatable = false, length = MAX_BODY)
  private String body;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "emailed_at")
  private Instant emailedAt;

  protected Notice() {}

  public static Notice about(
      long ownerId,
      Long workspaceId,
      WorkspaceLanguage language,
      String kind,
      String subject,
      String body,
      Clock clock) {
    Notice notice = new Notice();
    notice.ownerId = ownerId;
    notice.workspaceId = workspaceId;
    notice.language = Objects.requireNonNull(language, "language");
    notice.kind = Objects.requireNonNull(kind, "kind");
    notice.subject = clip(Objects.requireNonNull(subject, "subject"), MAX_SUBJECT);
    notice.body = clip(Objects.requireNonNull(body, "body"), MAX_BODY);
    notice.createdAt = clock.instant();
    return notice;
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public void emailed(Clock clock) {
    emailedAt = clock.instant();
  }

  public Long id() {
    return id;
  }

  public Long ownerId() {
    return ownerId;
  }

  public Long workspaceId() {
    return workspaceId;
  }

  public WorkspaceLanguage language() {
    return language;
  }

  public String kind() {
    return kind;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
