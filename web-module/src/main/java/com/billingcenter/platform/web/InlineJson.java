package com.billingcenter.platform.web;

import jakarta.json.JsonValue;

/**
 * JSON that a page writes into an inline script (a chart's configuration): {@code <}, {@code >} and
 * {@code &} become {@code \}{@code u003c} and the like, and so do the line separators JavaScript
 * ends a line at, so that a value such as a workspace named {@code </script><script>…} cannot end
 * the script element or start markup. The text is the same JSON to any JSON or JavaScript reader.
 */
public final class InlineJson {

  private InlineJson() {}

  /** {@code json} as text safe inside a {@code <script>} element. */
  public static String of(JsonValue json) {
    String text = json.toString();
    StringBuilder safe = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<', '>', '&', '\u2028', '\u2029' -> safe.append(String.format("\\u%04x", (int) c));
        default -> safe.append(c);
      }
    }
    return safe.toString();
  }
}
