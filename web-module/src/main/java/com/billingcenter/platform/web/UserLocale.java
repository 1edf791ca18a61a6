package com.billingcenter.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;

/** The language of the page being rendered: the session's choice, else the browser's. */
@Named
@RequestScoped
public class UserLocale {

  @Inject FacesContext faces;

  public Locale getLocale() {
    Object session = faces.getExternalContext().getSession(false);
    if (session instanceof HttpSession http
        && http.getAttribute(LanguageFilter.CHOSEN_LOCALE) instanceof Locale chosen) {
      return chosen;
    }
    return faces.getApplication().getViewHandler().calculateLocale(faces);
  }

  public boolean isChinese() {
    return "zh".equals(getLocale().getLanguage());
  }

  /** For {@code <html lang>}: {@code en} or {@code zh-CN}. */
  public String getLanguageTag() {
    return isChinese() ? "zh-CN" : "en";
  }
}
