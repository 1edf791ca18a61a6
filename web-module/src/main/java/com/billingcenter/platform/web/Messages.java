package com.billingcenter.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Page messages in the page's language, from the {@code msg} resource bundle. */
public final class Messages {

  private static final String BUNDLE = "com.billingcenter.i18n.messages";

  private Messages() {}

  public static String text(FacesContext faces, String key) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale());
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  public static void error(FacesContext faces, String clientId, String key) {
    String text = text(faces, key);
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
  }

  public static void info(FacesContext faces, String key) {
    String text = text(faces, key);
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
  }
}
