package com.billingcenter.workspace.web;

import java.io.Serializable;

/**
 * A new workspace as a form has it: its name, its site and its language (fixed from then on), on
 * Workspace Management's Open the Commercial Plan and the set-up page.
 */
public class NewWorkspaceForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name;
  private String site;
  private String language;

  /** Empty, on {@code site}. */
  public void reset(String site) {
    this.name = null;
    this.site = site;
    this.language = null;
  }

  /** Whether a name was typed. */
  public boolean named() {
    return name != null && !name.isBlank();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = site;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }
}
