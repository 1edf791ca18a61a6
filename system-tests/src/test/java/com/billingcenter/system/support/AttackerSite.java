package com.billingcenter.system.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Another site, for the browser tests of cross-site attacks: one page of HTML at 127.0.0.1 (not the
 * site of the Billing Center at localhost), e.g. a form that posts itself to the Billing Center.
 * Closing it stops it.
 */
public final class AttackerSite implements AutoCloseable {

  private final HttpServer server;

  private AttackerSite(HttpServer server) {
    this.server = server;
  }

  /** Serves {@code html} at every path of a new site. */
  public static AttackerSite serving(String html) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return new AttackerSite(server);
  }

  /** The address of the page. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
