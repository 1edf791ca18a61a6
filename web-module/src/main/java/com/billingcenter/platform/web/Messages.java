package com.billingcenter.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
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

  /** The text of {@code key} with {@code {0}}, {@code {1}}… filled in. */
  public static String format(FacesContext faces, String key, Object... args) {
    return new MessageFormat(text(faces, key), faces.getViewRoot().getLocale()).format(args);
  }

  public static void error(FacesContext faces, String clientId, String key, Object... args) {
    String text = args.length == 0 ? text(faces, key) : format(faces, key, args);
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
  }

  public static void info(FacesContext faces, String key, Object... args) {
    String text = args.length == 0 ? text(faces, key) : format(faces, key, args);
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
  }
}
