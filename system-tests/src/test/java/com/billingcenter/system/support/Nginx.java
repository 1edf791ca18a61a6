package com.billingcenter.system.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * nginx from Debian's packages in front of cluster members, configured from the project's own
 * template ({@code config/cluster/nginx.conf.template}, as {@code scripts/cluster.sh} does): round
 * robin, no sticky sessions. Missing nginx skips the test, except in CI where it fails it.
 */
public final class Nginx {

  public static final Path BINARY = Path.of(System.getProperty("nginx.binary", "/usr/sbin/nginx"));
  private static final Pattern UPSTREAM = Pattern.compile("upstream=(.*?) upstream_status=");

  private final Path prefix;
  private final int port;
  private Process process;

  private Nginx(Path prefix, int port) {
    this.prefix = prefix;
    this.port = port;
  }

  public static void assumeInstalled() {
    if (!Files.isExecutable(BINARY)) {
      if (System.getenv("CI") != null) {
        fail("nginx is missing: apt-get install -y nginx-light");
      }
      assumeTrue(false, "nginx is not installed (apt-get install -y nginx-light)");
    }
  }

  /** Starts nginx on a free port in front of {@code members}. */
  public static Nginx start(String name, List<BillingCenterServer> members) {
    assumeInstalled();
    Path prefix = Path.of("target", "nginx-" + name).toAbsolutePath();
    Nginx nginx = new Nginx(prefix, BillingCenterServer.freePort());
    try {
      Files.createDirectories(prefix);
      String upstreams =
          members.stream()
              .map(m -> "    server 127.0.0.1:" + m.port() + " max_fails=1 fail_timeout=10s;")
              .collect(Collectors.joining("\n"));
      String config =
          Files.readString(Path.of(System.getProperty("nginx.template")))
              .replace("@PREFIX@", prefix.toString())
              .replace("@LISTEN@", "127.0.0.1:" + nginx.port)
              .replace("@UPSTREAMS@", upstreams);
      Path file = prefix.resolve("nginx.conf");
      Files.writeString(file, config);
      nginx.process =
          new ProcessBuilder(
                  BINARY.toString(),
                  "-p",
                  prefix.toString(),
                  "-c",
                  file.toString(),
                  "-g",
                  "daemon off;"
                      + ("root".equals(System.getProperty("user.name")) ? " user root;" : ""))
              .redirectErrorStream(true)
              .redirectOutput(prefix.resolve("nginx.out").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    nginx.awaitListening();
    return nginx;
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nginx exited; see " + prefix.resolve("nginx.out"));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException("nginx did not listen in time on " + port);
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + (path.startsWith("/") ? path : "/" + path));
  }

  /**
   * The port of the member that answered the last request logged whose request line contains {@code
   * request} (the last address when nginx tried several).
   */
  public int lastAnswered(String request) {
    try {
      List<String> lines = Files.readAllLines(prefix.resolve("access.log"));
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).contains(request)) {
          Matcher m = UPSTREAM.matcher(lines.get(i));
          if (m.find()) {
            String[] tried = m.group(1).split(",");
            String last = tried[tried.length - 1].trim();
            return Integer.parseInt(last.substring(last.lastIndexOf(':') + 1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no request with " + request + " in the access log");
  }

  /** The access log's lines. */
  public List<String> accessLog() {
    try {
      return Files.readAllLines(prefix.resolve("access.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
