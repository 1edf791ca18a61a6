package com.billingcenter.sandbox.aws;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The sandbox's plain pages: one layout, and HTML escaping for everything that is shown. */
final class SandboxPages {

  private SandboxPages() {}

  static void page(HttpServletResponse response, int status, String title, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="UTF-8"><title>%1$s · AWS Marketplace sandbox</title></head>
            <body><header><strong>AWS Marketplace</strong> (sandbox)</header>
            <main><h1>%1$s</h1>
            %2$s
            </main></body></html>
            """
                .formatted(escape(title), body));
  }

  static String escape(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
  }
}
