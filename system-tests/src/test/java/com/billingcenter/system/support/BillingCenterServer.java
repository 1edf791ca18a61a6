package com.billingcenter.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Payara Micro process running the Micro WAR at {@code /} and the sandbox at {@code
 * /aws-sandbox}, as the README's Run command does, on a free port. The database is an H2 file of
 * its own under {@code target/}, or the server named by the {@code it.db.*} system properties (the
 * {@code postgresql} profile). Tests share one instance per JVM through {@link #shared()}.
 */
public final class BillingCenterServer {

  private static BillingCenterServer shared;

  private final Path runtime = Path.of(System.getProperty("runtime.dir", "target/runtime"));
  private final Path h2Dir;
  private final String name;
  private final int port;
  private final SmtpSink mail;
  private Process process;

  public BillingCenterServer(String name) {
    this(name, 0);
  }

  /** The database URL, instead of the one the build names (see {@link #jdbcUrl()}). */
  private String databaseUrl;

  /** An AWS Marketplace sandbox elsewhere, instead of deploying one here. */
  private URI sandbox;

  /**
   * Whether the JIT compiles with C1 only (it.jvm.options), as suits a server that runs briefly.
   */
  private boolean c1Only = true;

  /**
   * Compiles hot code fully (C2), as in production: for a server that hashes many passwords, which
   * C1's code does nine times slower.
   */
  public BillingCenterServer fullyCompiled() {
    c1Only = false;
    return this;
  }

  /** Whether the sandbox is deployed here, though another one is AWS Marketplace. */
  private boolean deploySandbox;

  /** Whether the start waits for the sandbox deployed here to answer. */
  private boolean awaitSandbox = true;

  /** More system properties, given last (so they win). */
  private final List<String> extraProperties = new ArrayList<>();

  /** Keys this server is not given, so that it runs on the shipped configuration's value. */
  private final List<String> shippedKeys = new ArrayList<>();

  /**
   * Gives this server none of {@code keys}, which the tests' servers otherwise set (e.g. cheaper
   * password hashes, the sandbox's product code): it runs on what the WAR ships for them.
   */
  public BillingCenterServer asShipped(String... keys) {
    shippedKeys.addAll(List.of(keys));
    return this;
  }

  /** Payara Micro's clustering options: none unless this is a member of a data grid. */
  private List<String> clusterOptions = List.of("--nocluster");

  /**
   * A member of a cluster: the Micro WAR alone on {@code databaseUrl}, with {@code sandbox} as AWS
   * Marketplace and these system properties ({@code name=value}) added.
   */
  public static BillingCenterServer member(
      String name, String databaseUrl, URI sandbox, List<String> properties) {
    BillingCenterServer server = new BillingCenterServer(name);
    server.databaseUrl = databaseUrl;
    server.sandbox = sandbox;
    server.extraProperties.addAll(properties);
    return server;
  }

  /**
   * A server on its own database with these system properties added, and the sandbox deployed
   * beside it but not enabled ({@code sandbox.enabled=false}, as anywhere but the Run command and
   * the tests), so that it answers nothing; {@code sandbox} (the shared server's) is AWS
   * Marketplace. Its start does not wait for the sandbox deployed here.
   */
  public static BillingCenterServer withSandboxNotEnabled(
      String name, URI sandbox, List<String> properties) {
    List<String> all = new ArrayList<>(properties);
    all.add("sandbox.enabled=false");
    BillingCenterServer server = member(name, null, sandbox, all);
    server.deploySandbox = true;
    server.awaitSandbox = false;
    return server;
  }

  /**
   * A member of a Payara Micro cluster (one data grid, sessions replicated): as {@link #member},
   * and joining the grid {@code grid} of the members listening on {@code gridPorts} (loopback
   * only), itself on {@code gridPort}.
   */
  public static BillingCenterServer clustered(
      String name,
      String databaseUrl,
      URI sandbox,
      List<String> properties,
      String grid,
      int gridPort,
      List<Integer> gridPorts) {
    BillingCenterServer server = member(name, databaseUrl, sandbox, properties);
    server.clusterOptions =
        List.of(
            "--name",
            name,
            "--clustername",
            grid,
            "--clustermode",
            "tcpip:" + String.join(",", gridPorts.stream().map(p -> "127.0.0.1:" + p).toList()),
            "--interfaces",
            "127.0.0.1",
            "--startport",
            Integer.toString(gridPort),
            // All members share one address here: without this, no member would keep a backup
            // of another's sessions, and a killed member's sessions would be lost.
            "--nohostaware");
    return server;
  }

  /** The file the server's output (its log) goes to. */
  public Path log() {
    return Path.of("target", "billing-center-" + name + ".log");
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** A server on {@code port}, or on a free one for 0. */
  public BillingCenterServer(String name, int port) {
    this.name = name;
    this.h2Dir = Path.of("target", "it-db", name).toAbsolutePath();
    this.port = port > 0 ? port : freePort();
    try {
      this.mail = new SmtpSink();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mail server the application sends its notices to. */
  public SmtpSink mail() {
    return mail;
  }

  /**
   * The server the tests share: a Payara Micro started here, or, when {@code it.server.url} names
   * one, a server already running there (the EAR on Payara Server, see {@code
   * scripts/payara-server-smoke.sh}), which the tests only talk to over HTTP.
   */
  public static synchronized BillingCenterServer shared() {
    String external = System.getProperty("it.server.url", "");
    if (shared == null && !external.isBlank()) {
      shared = new BillingCenterServer("external", URI.create(external).getPort());
      shared.externalBase = URI.create(external.endsWith("/") ? external : external + "/");
    }
    if (shared == null) {
      shared = new BillingCenterServer("shared", Integer.getInteger("it.shared.port", 0));
      shared.deleteDatabase();
      shared.start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  /**
   * The database the server uses. An H2 file is opened in auto-server mode, so that a test can
   * reach the same database while the server runs (see {@link Database}).
   */
  public String jdbcUrl() {
    if (databaseUrl != null) {
      return databaseUrl;
    }
    String url = System.getProperty("it.db.url", "");
    return url.isBlank() ? "jdbc:h2:file:" + h2Dir.resolve("billing") + ";AUTO_SERVER=TRUE" : url;
  }

  public String jdbcUser() {
    return System.getProperty("it.db.user", "billing");
  }

  public String jdbcPassword() {
    return System.getProperty("it.db.password", "billing");
  }

  /** Where a server that this class did not start listens (see {@link #shared()}). */
  private URI externalBase;

  public URI base() {
    if (externalBase != null) {
      return externalBase;
    }
    return URI.create("http://localhost:" + port + "/");
  }

  public URI uri(String path) {
    return base().resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public void deleteDatabase() {
    if (Files.isDirectory(h2Dir)) {
      try (var files = Files.walk(h2Dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The SigningCertURL of the sandbox's SNS messages (never fetched: pinned to its file). */
  public static final String SNS_CERTIFICATE_URL =
      "https://sns-sandbox.invalid/SimpleNotificationService-sandbox.pem";

  /** The sandbox's SNS topic, the one the application accepts. */
  public static final String SNS_TOPIC =
      "arn:aws:sns:us-east-1:000000000000:aws-mp-subscription-notification-billing-center-product";

  /** The key a site reports usage with. */
  public static String siteKey(String site) {
    return "test-site-key-" + site + "-0123456789";
  }

  /** The operators' key (X-Operator-Key). */
  public static final String OPERATOR_KEY = "test-operator-key-0123456789";

  /** The secret of the EventBridge endpoint, shared by the application and the sandbox. */
  public static final String EVENTS_SECRET = "test-events-secret";

  public void start() {
    launch();
    awaitReady(log());
  }

  /**
   * Starts the server's process without waiting for the Billing Center to answer (for a start that
   * is meant to be refused).
   */
  public void launch() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    // C1 only and the like (the build's it.jvm.options): a test server's start costs half the CPU.
    for (String option : System.getProperty("it.jvm.options", "").split(" ")) {
      if (!option.isBlank() && (c1Only || !option.startsWith("-XX:TieredStopAtLevel"))) {
        command.add(option);
      }
    }
    command.add("-Dbilling.db.url=" + jdbcUrl());
    command.add("-Dbilling.db.user=" + jdbcUser());
    command.add("-Dbilling.db.password=" + jdbcPassword());
    command.add(
        "-Dbilling.db.datasource-class="
            + System.getProperty("it.db.datasource-class", "org.h2.jdbcx.JdbcDataSource"));
    command.add(
        "-Dbilling.aws.endpoint-override="
            + (sandbox != null ? sandbox.toString() : uri("/aws-sandbox").toString()));
    command.add("-Dbilling.aws.listing-url=" + uri("/aws-sandbox/listing"));
    command.add("-Dbilling.aws.product-code=billing-center-product");
    // AWS's China partition: a connection of its own, here to the same sandbox.
    command.add(
        "-Dbilling.aws-cn.endpoint-override="
            + (sandbox != null ? sandbox.toString() : uri("/aws-sandbox").toString()));
    command.add("-Dbilling.aws-cn.product-code=billing-center-product-cn");
    command.add("-Dbilling.aws-cn.access-key-id=sandbox");
    command.add("-Dbilling.aws-cn.secret-access-key=sandbox");
    command.add("-Dsandbox.fulfillment-url=" + uri("/marketplace/aws/fulfillment"));
    command.add("-Dsandbox.events-url=" + uri("/marketplace/aws/events"));
    command.add("-Dsandbox.events-secret=" + EVENTS_SECRET);
    command.add("-Dsandbox.enabled=true");
    // One key for every server of a run: a cluster's members must share it.
    command.add("-Dbilling.security.session-key=system-tests-session-key-0123456789");
    command.add("-Dbilling.aws.events.secret=" + EVENTS_SECRET);
    // SNS: the sandbox signs with a key of its own; its certificate is trusted for its URL.
    Path snsCertificate = Path.of("target", "sns-sandbox-" + port + ".pem").toAbsolutePath();
    command.add("-Dbilling.mail.smtp.host=127.0.0.1");
    command.add("-Dbilling.mail.smtp.port=" + mail.port());
    // The tests' mail sink speaks plain SMTP (STARTTLS is required as shipped).
    command.add("-Dbilling.mail.smtp.starttls=false");
    command.add("-Dbilling.mail.from=billing-center@example.org");
    // Mailed links (password resets, lock pages) start with this server's own address.
    String base = base().toString();
    command.add("-Dbilling.public-url=" + base.substring(0, base.length() - 1));
    command.add("-Dsandbox.sns-url=" + uri("/marketplace/aws/sns"));
    command.add("-Dsandbox.sns.certificate-file=" + snsCertificate);
    command.add(
        "-Dbilling.aws.sns.pinned-certificates=" + SNS_CERTIFICATE_URL + "=" + snsCertificate);
    command.add("-Dbilling.aws.sns.topic-arns=" + SNS_TOPIC);
    command.add("-Dbilling.aws.access-key-id=sandbox");
    command.add("-Dbilling.aws.secret-access-key=sandbox");
    // Sites report usage with these keys; operators run metering on demand with this one. The
    // schedule is off: tests run metering when they mean to (the Arquillian instance may share
    // the database and moves its clock).
    for (String site : List.of("us1", "eu1", "ap1", "cn2")) {
      command.add("-Dbilling.site." + site + ".key=" + siteKey(site));
    }
    command.add("-Dbilling.operator.key=" + OPERATOR_KEY);
    // Every test signs in and registers from 127.0.0.1: the address rules would throttle the suite
    // itself (ClientLimitsIT tests them on a server of its own); the pair rule stays as shipped.
    command.add("-Dbilling.security.login.max-failures-per-address=100000");
    command.add("-Dbilling.security.registration.max-per-address=100000");
    command.add("-Dbilling.security.fulfillment.max-per-address=100000");
    command.add("-Dbilling.security.password-reset.max-per-address=100000");
    command.add("-Dbilling.metering.enabled=false");
    // Bills are made final by the tests that mean to (the Arquillian instance moves its clock and
    // may share the database: an hourly job here would close its months in real time).
    command.add("-Dbilling.bills.closing.enabled=false");
    // Alarms are checked by the tests that mean to (AlarmsArquillianIT), with readings of their
    // own.
    command.add("-Dbilling.alarms.enabled=false");
    command.add("-Dbilling.reminders.enabled=false");
    command.add("-Dbilling.metering.calls-per-second=200");
    // Cheaper password hashes keep the tests quick; production keeps the default.
    command.add("-Dbilling.security.pbkdf2.iterations=10000");
    for (String property : extraProperties) {
      command.add("-D" + property);
    }
    command.removeIf(
        option -> shippedKeys.stream().anyMatch(key -> option.startsWith("-D" + key + "=")));
    command.addAll(
        List.of(
            "-jar",
            runtime.resolve("payara-micro.jar").toString(),
            "--port",
            Integer.toString(port),
            "--deploy",
            runtime.resolve("micro.war") + ":/"));
    command.addAll(clusterOptions);
    if (sandbox == null || deploySandbox) {
      command.addAll(
          List.of("--deploy", runtime.resolve("aws-marketplace-sandbox.war") + ":/aws-sandbox"));
    }
    Path log = log();
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady(Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited at start; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(uri("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        int sandboxStatus =
            sandbox != null || !awaitSandbox
                ? 200
                : http.send(
                        HttpRequest.newBuilder(uri("/aws-sandbox/health")).build(),
                        HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        if (health.statusCode() == 200 && sandboxStatus == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    stop();
    throw new IllegalStateException("Payara Micro not ready in time; see " + log.toAbsolutePath());
  }

  /** Kills the process at once (SIGKILL), as a crash would, and waits for it to end. */
  public void kill() {
    if (process != null && process.isAlive()) {
      try {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The database of a server not yet started, instead of the one the build names. */
  public BillingCenterServer onDatabase(String url) {
    databaseUrl = url;
    return this;
  }

  /** Whether the server's process is running. */
  public boolean running() {
    return process != null && process.isAlive();
  }

  /** The process id of the running server. */
  public long pid() {
    return process.pid();
  }

  /** Stops the process the way an operator's Ctrl-C does (SIGTERM), and waits for it. */
  public void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
