package com.billingcenter.system.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of every in-container test ({@link ContainerTest}): the real Micro WAR with
 * the one change Arquillian needs, the movable clock, and every {@code *ArquillianIT} class of the
 * build. It is deployed once for the whole run, on one Payara Micro, by {@code
 * arquillian-suite-extension} (named in {@code arquillian.xml}), where each class used to start a
 * Payara Micro of its own.
 */
public final class ContainerDeployment {

  private ContainerDeployment() {}

  @Deployment
  public static WebArchive deployment() {
    emptyH2Database();
    WebArchive war =
        microWar()
            .addClasses(
                MovableClock.class,
                ContainerTest.class,
                SettledCustomers.class,
                SandboxCalls.class,
                AwsBuyers.class,
                SmtpSink.class);
    containerTests().forEach(war::addClass);
    return war;
  }

  /**
   * Arquillian's instance starts each run on an empty H2 database, as the shared server does: rows
   * a former run left behind, written by code that may have changed since, are not this run's. (On
   * PostgreSQL it shares the run's fresh database with the shared server.)
   */
  static void emptyH2Database() {
    String url = System.getProperty("arq.db.url", "");
    String prefix = "jdbc:h2:file:";
    if (!url.startsWith(prefix)) {
      return;
    }
    Path directory = Path.of(url.substring(prefix.length()).split(";")[0]).getParent();
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The real Micro WAR, whose Arquillian runner servlet answers without credentials. */
  static WebArchive microWar() {
    File file = new File(System.getProperty("runtime.dir", "target/runtime"), "micro.war");
    WebArchive archive =
        ShrinkWrap.create(ZipImporter.class, "billing-center.war")
            .importFrom(file)
            .as(WebArchive.class);
    String webXml;
    try (InputStream in = archive.get("WEB-INF/web.xml").getAsset().openStream()) {
      webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String runnerIsPublic =
        "<security-constraint><web-resource-collection><web-resource-name>Arquillian"
            + "</web-resource-name><url-pattern>/ArquillianServletRunnerEE9</url-pattern>"
            + "</web-resource-collection></security-constraint></web-app>";
    archive.setWebXML(new StringAsset(webXml.replace("</web-app>", runnerIsPublic)));
    return archive;
  }

  /** The names of the compiled {@code *ArquillianIT} classes (their inner classes come along). */
  static List<String> containerTests() {
    Path classes = Path.of(System.getProperty("test.classes.dir", "target/test-classes"));
    try (Stream<Path> files = Files.walk(classes)) {
      List<String> tests =
          files
              .map(p -> classes.relativize(p).toString())
              .filter(p -> p.endsWith("ArquillianIT.class"))
              .map(
                  p ->
                      p.substring(0, p.length() - ".class".length())
                          .replace(File.separatorChar, '.'))
              .sorted()
              .toList();
      if (tests.isEmpty()) {
        throw new IllegalStateException("No *ArquillianIT class under " + classes.toAbsolutePath());
      }
      return tests;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
