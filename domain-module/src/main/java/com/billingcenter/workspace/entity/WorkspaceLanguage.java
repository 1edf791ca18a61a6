package com.billingcenter.workspace.entity;

import com.billingcenter.platform.entity.RuleViolation;
import java.util.Locale;

/**
 * The language of a workspace's event, alarm and text message templates. Chosen at creation and
 * never changed afterwards.
 */
public enum WorkspaceLanguage {
  EN("en"),
  ZH("zh");

  private final String code;

  WorkspaceLanguage(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public Locale locale() {
    return Locale.forLanguageTag(code);
  }

  /** {@code en} or {@code zh}; anything else is refused. */
  public static WorkspaceLanguage fromCode(String code) {
    for (WorkspaceLanguage language : values()) {
      if (language.code.equals(code)) {
        return language;
      }
    }
    throw new RuleViolation(
        "workspace.language.invalid", "A workspace language is 'en' (English) or 'zh' (Chinese).");
  }
}
