package com.billingcenter.system.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Payara Micro instances of the Micro WAR in one data grid (sessions replicated) on a PostgreSQL
 * database of their own, behind nginx (round robin, no sticky sessions, configured from {@code
 * config/cluster/nginx.conf.template}), which every member trusts as its proxy, as operators run
 * it. PostgreSQL only: a test using it is skipped without the {@code postgresql} profile.
 */
public final class Cluster implements AutoCloseable {

  /**
   * The cluster of the run's cluster tests: three members that meter by themselves (every minute, a
   * 10-second lease, 4 calls a second), started by the first test that asks and stopped when the
   * tests end.
   */
  private static Cluster shared;

  private final String database;
  private String url;
  private final List<BillingCenterServer> members = new ArrayList<>();
  private Nginx nginx;

  private final List<Integer> gridPorts = new ArrayList<>();

  private Cluster(String database) {
    this.database = database;
  }

  /** Starts {@code size} members with {@code properties}, the sandbox of the shared server. */
  public static Cluster start(String name, int size, List<String> properties) throws Exception {
    assumeTrue(Database.onPostgres(), "the cluster tests need PostgreSQL (-Ppostgresql)");
    Nginx.assumeInstalled();
    Cluster cluster =
        new Cluster("billing_" + name + "_" + UUID.randomUUID().toString().substring(0, 8));
    cluster.url = Database.freshPostgres(cluster.database);
    String grid = "billing-it-" + UUID.randomUUID().toString().substring(0, 8);
    List<Integer> gridPorts = cluster.gridPorts;
    for (int i = 0; i < size; i++) {
      gridPorts.add(BillingCenterServer.freePort());
    }
    List<String> all = new ArrayList<>(properties);
    // nginx is on this host: its X-Forwarded-For is believed, as an operator configures it.
    all.add("billing.security.trusted-proxies=127.0.0.1");
    // The grid listens on its --interfaces address only (Hazelcast binds every address otherwise),
    // as docs/cluster.md configures it.
    all.add("hazelcast.socket.bind.any=false");
    for (int i = 0; i < size; i++) {
      cluster.members.add(
          BillingCenterServer.clustered(
              name + "-" + (char) ('a' + i),
              cluster.url,
              BillingCenterServer.shared().uri("/aws-sandbox"),
              all,
              grid,
              gridPorts.get(i),
              gridPorts));
    }
    // The first member creates the schema alone; the others join its data grid.
    cluster.members.get(0).start();
    CompletableFuture.allOf(
            cluster.members.stream()
                .skip(1)
                .map(m -> CompletableFuture.runAsync(m::start))
                .toArray(CompletableFuture[]::new))
        .join();
    cluster.nginx = Nginx.start(name, cluster.members);
    return cluster;
  }

  /**
   * The run's cluster, every member running: a member a test killed is started again (it joins the
   * data grid again), so that a test never finds one missing.
   */
  public static synchronized Cluster shared() throws Exception {
    if (shared == null) {
      shared =
          start(
              "cluster",
              3,
              List.of(
                  "billing.metering.enabled=true",
                  "billing.metering.lease=PT10S",
                  "billing.metering.calls-per-second=4"));
      Cluster started = shared;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (Exception e) {
                      System.out.println("The cluster did not stop cleanly: " + e);
                    }
                  }));
    }
    for (BillingCenterServer member : shared.members) {
      if (!member.running()) {
        member.start();
      }
    }
    return shared;
  }

  /** The members' data grid ports. */
  public List<Integer> gridPorts() {
    return List.copyOf(gridPorts);
  }

  public List<BillingCenterServer> members() {
    return members;
  }

  public Nginx nginx() {
    return nginx;
  }

  /** The member listening on {@code port}. */
  public BillingCenterServer memberOn(int port) {
    return members.stream().filter(m -> m.port() == port).findFirst().orElseThrow();
  }

  /** A connection to the cluster's database. */
  public Connection db() throws Exception {
    return DriverManager.getConnection(
        url, System.getProperty("it.db.user"), System.getProperty("it.db.password"));
  }

  @Override
  public void close() throws Exception {
    if (nginx != null) {
      nginx.stop();
    }
    members.forEach(BillingCenterServer::kill);
    Database.dropPostgres(database);
  }
}
