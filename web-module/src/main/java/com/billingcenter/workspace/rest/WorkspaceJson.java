package com.billingcenter.workspace.rest;

import com.billingcenter.workspace.entity.Workspace;
import java.time.Instant;
import java.util.Locale;

/**
 * A workspace in the API. Codes are lower case ({@code commercial}, {@code fully-locked}) and are
 * accepted in that form by the list filters.
 */
public record WorkspaceJson(
    long id,
    String name,
    String siteCode,
    String language,
    String plan,
    String settlementMethod,
    Long cloudAccountId,
    String status,
    Instant lockedAt,
    Instant countdownEndsAt,
    Instant settlementChangedAt,
    Instant nextSettlementChangeFrom,
    Instant createdAt) {

  public static WorkspaceJson of(Workspace w) {
    return new WorkspaceJson(
        w.id(),
        w.name(),
        w.siteCode(),
        w.language().code(),
        code(w.plan()),
        w.settlement().method(),
        w.settlement().cloudAccountId(),
        code(w.status()),
        w.lockedAt(),
        w.countdownEnd().orElse(null),
        w.settlementChangedAt(),
        w.nextChangePossible().orElse(null),
        w.createdAt());
  }

  static String code(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
