package com.billingcenter.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The second server of a run, shared by the tests that need settings the shared server cannot have
 * (one start where each used to start its own): sign-in, registration, reset and fulfillment limits
 * as shipped, counted per address behind a proxy (it trusts 127.0.0.1, so that a test's clients
 * come from addresses of their own in {@code X-Forwarded-For}); page sessions whose idle time and
 * lifetime are seconds; and the sandbox deployed beside it without {@code sandbox.enabled=true}, so
 * that it answers nothing (the shared server's sandbox is its AWS Marketplace); password hashes as
 * shipped (600,000 iterations: costly enough that skipping one would show). Its own database. A
 * test may restart it; the next one to ask finds it running.
 */
public final class StrictServer {

  /** The per-name delay is capped at 2 s here (30 s as shipped) to keep the waits short. */
  public static final List<String> PROPERTIES =
      List.of(
          "billing.security.trusted-proxies=127.0.0.1",
          "billing.security.login.max-failures-per-address=20",
          "billing.security.registration.max-per-address=10",
          "billing.security.password-reset.max-per-address=5",
          "billing.security.login.max-delay=PT2S",
          // 3 POSTs per address (30 as shipped).
          "billing.security.fulfillment.max-per-address=3",
          // Seconds where shipped are 30 minutes idle and 12 hours at most (docs/configuration.md).
          "billing.security.session.idle-timeout=PT4S",
          "billing.security.session.absolute-lifetime=PT14S");

  /** Its PostgreSQL database (the H2 file is its own anyway). */
  private static final String DATABASE = "billing_ci_strict";

  private static BillingCenterServer server;

  /** Where the first start's lines begin in the server's log (which earlier runs appended to). */
  private static long logStart;

  private StrictServer() {}

  /** The server, started (once per run, or again after a test stopped it). */
  public static synchronized BillingCenterServer get() {
    if (server == null) {
      server =
          BillingCenterServer.withSandboxNotEnabled(
                  "strict", BillingCenterServer.shared().uri("/aws-sandbox"), PROPERTIES)
              .fullyCompiled()
              .asShipped("billing.security.pbkdf2.iterations");
      // Its own database on PostgreSQL too: the shared server's registrations from 127.0.0.1 must
      // not count against this one's limits (nor a refusal here hold that one back).
      if (Database.onPostgres()) {
        try {
          server.onDatabase(Database.freshPostgres(DATABASE));
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      }
      server.deleteDatabase();
      try {
        logStart = Files.exists(server.log()) ? Files.size(server.log()) : 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    if (!server.running()) {
      server.start();
    }
    return server;
  }

  /** What the server logged in this run, every start of it. */
  public static synchronized String log() {
    try {
      byte[] all = Files.readAllBytes(get().log());
      return new String(
          all,
          (int) logStart,
          all.length - (int) logStart,
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
