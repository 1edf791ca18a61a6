package com.billingcenter.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of the product (and of the sandbox) says what it is for: a {@code
 * package-info.java} with a Javadoc, read from the sources (javac keeps no class file of a
 * package-info that has no annotation).
 */
class PackageInfoTest {

  private static final List<String> SOURCES =
      List.of(
          "domain-module/src/main/java",
          "ejb-module/src/main/java",
          "web-module/src/main/java",
          "aws-marketplace-sandbox/src/main/java");

  @Test
  void everyPackageSaysWhatItIsFor() throws IOException {
    Set<Path> packages = new TreeSet<>();
    for (String source : SOURCES) {
      try (Stream<Path> files = Files.walk(Path.of("..", source))) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(f -> packages.add(f.getParent()));
      }
    }
    assertTrue(packages.size() > 40, "the sources are read: " + packages.size() + " packages");
    Set<Path> silent = new TreeSet<>();
    for (Path dir : packages) {
      Path info = dir.resolve("package-info.java");
      if (!Files.exists(info) || !read(info).contains("/**")) {
        silent.add(dir);
      }
    }
    assertEquals(Set.of(), silent, "packages without a package-info.java that says what they are");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
