package com.billingcenter.platform.web;

import com.billingcenter.platform.control.JsonText;

/** The one shape of every API error body: {@code {"error": code, "message": text}}. */
public final class ApiErrors {

  private ApiErrors() {}

  public static String json(String code, String message) {
    return JsonText.PROVIDER
        .createObjectBuilder()
        .add("error", code)
        .add("message", message)
        .build()
        .toString();
  }
}
