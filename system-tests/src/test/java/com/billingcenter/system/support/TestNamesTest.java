package com.billingcenter.system.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The system tests' own rules, read from the sources (a unit test of this module, run before the
 * servers start): a test's class never shares a name with a class of the product or the sandbox (in
 * the flat package of old, {@code Workspaces} meant a helper in some files and the product's
 * boundary in others), every test lives in a package named like the product's capabilities, and
 * every test of the {@code security} package is a {@link SecurityPromise}.
 */
class TestNamesTest {

  private static final Path TESTS = Path.of("src/test/java/com/billingcenter/system");

  private static final Set<String> PACKAGES =
      Set.of(
          "account",
          "bill",
          "cluster",
          "marketplace",
          "metering",
          "operations",
          "platform",
          "security",
          "support",
          "usage",
          "workspace");

  @Test
  void noTestClassSharesANameWithAProductClass() {
    Set<String> product = new TreeSet<>();
    for (String module :
        List.of("domain-module", "ejb-module", "web-module", "aws-marketplace-sandbox")) {
      product.addAll(names(Path.of("..", module, "src/main/java")));
    }
    assertTrue(product.contains("Workspaces"), "the product's sources are read: " + product.size());
    Set<String> shared = new TreeSet<>(names(TESTS));
    shared.retainAll(product);
    assertEquals(Set.of(), shared, "test classes named like product classes");
  }

  @Test
  void everyTestIsInACapabilitysPackage() {
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(TESTS)) {
      dirs.forEach(d -> packages.add(d.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    packages.removeAll(PACKAGES);
    assertEquals(Set.of(), packages, "test packages (or files) outside the capabilities");
  }

  @Test
  void everySecurityTestIsASecurityPromise() throws IOException {
    try (Stream<Path> files = Files.list(TESTS.resolve("security"))) {
      List<String> unmarked =
          files
              .filter(f -> f.toString().endsWith("IT.java"))
              .filter(f -> !read(f).contains("\n@SecurityPromise\n"))
              .map(f -> f.getFileName().toString())
              .toList();
      assertEquals(List.of(), unmarked, "security tests a rerun could pass");
    }
  }

  private static Set<String> names(Path sources) {
    try (Stream<Path> files = Files.walk(sources)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
          .map(n -> n.substring(0, n.length() - ".java".length()))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every integration test that {@code docs/security.md}'s table of promises names is a {@link
   * SecurityPromise} (its class, or tests of it), so that it runs in the execution that is never
   * rerun: a flaky security test fails the build.
   */
  @Test
  void everyIntegrationTestTheSecurityTableNamesIsNeverRerun() throws IOException {
    Set<String> named = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("..", "docs", "security.md"))) {
      if (line.startsWith("|")) {
        java.util.regex.Matcher test =
            java.util.regex.Pattern.compile("`([A-Z][A-Za-z]+IT)`").matcher(line);
        while (test.find()) {
          named.add(test.group(1));
        }
      }
    }
    assertTrue(named.size() > 10, "the table is read: " + named);
    Set<String> rerun = new TreeSet<>();
    try (Stream<Path> files = Files.walk(TESTS)) {
      for (Path file : files.filter(f -> named.contains(name(f))).toList()) {
        if (!Files.readString(file).contains("@SecurityPromise")) {
          rerun.add(name(file));
        }
      }
    }
    assertEquals(Set.of(), rerun, "named in docs/security.md's table but rerun on failure");
  }

  private static String name(Path file) {
    return file.getFileName().toString().replace(".java", "");
  }
}
