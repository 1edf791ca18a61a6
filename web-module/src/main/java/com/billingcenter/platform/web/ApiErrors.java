package com.billingcenter.platform.web;

import jakarta.json.Json;

/** The one shape of every API error body: {@code {"error": code, "message": text}}. */
public final class ApiErrors {

  private ApiErrors() {}

  public static String json(String code, String message) {
    return Json.createObjectBuilder().add("error", code).add("message", message).build().toString();
  }
}
