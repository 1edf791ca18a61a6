package com.billingcenter.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.cloudaccount.entity.CloudAccountStatus;
import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages name states and audit actions by key ({@code msg['metering.state.'.concat(r.state)]},
 * {@code msg['audit.action.'.concat(e.action)]}): a value with no key shows the customer
 * "???key???". Every value the product can give has its text, in English and in Chinese.
 */
class MessageKeysTest {

  private static final String BUNDLE = "/com/billingcenter/i18n/messages%s.properties";

  @Test
  void englishAndChineseHaveTheSameKeys() throws IOException {
    assertEquals(load("").stringPropertyNames(), load("_zh").stringPropertyNames());
  }

  /**
   * A text with placeholders is formatted by {@code MessageFormat}, where a lone apostrophe starts
   * a quotation and is lost ("the account's" would show as "the accounts"): it must be doubled.
   */
  @Test
  void aTextWithPlaceholdersDoublesItsApostrophes() throws IOException {
    java.util.List<String> lost = new java.util.ArrayList<>();
    for (String suffix : new String[] {"", "_zh"}) {
      Properties texts = load(suffix);
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        if (text.matches("(?s).*\\{\\d.*") && text.replace("''", "").contains("'")) {
          lost.add(key + suffix);
        }
      }
    }
    assertEquals(java.util.List.of(), lost, "texts whose apostrophe MessageFormat would lose");
  }

  @Test
  void everyMeteringStateHasItsText() throws IOException {
    assertHasKeys(
        "metering.state.",
        Arrays.stream(MeteringState.values()).map(s -> s.name().toLowerCase(Locale.ROOT)));
  }

  @Test
  void everyWorkspaceAndCloudAccountStatusHasItsText() throws IOException {
    assertHasKeys("status.", Arrays.stream(WorkspaceStatus.values()).map(Enum::name));
    assertHasKeys(
        "cloudAccounts.status.", Arrays.stream(CloudAccountStatus.values()).map(Enum::name));
  }

  /** Every gauge the console's Metering page names (the constants of {@code Gauges}). */
  @Test
  void everyOperatorsGaugeHasItsText() throws IOException {
    List<String> gauges = new java.util.ArrayList<>();
    for (var field : com.billingcenter.operations.control.Gauges.class.getFields()) {
      if (java.lang.reflect.Modifier.isStatic(field.getModifiers())
          && field.getType() == String.class) {
        try {
          gauges.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    assertEquals(6, gauges.size(), "the gauges were found: " + gauges);
    assertHasKeys("ops.gauge.", gauges.stream());
  }

  /** The actions the product's code writes to the audit log (the first key-like literal). */
  @Test
  void everyAuditActionHasItsText() throws IOException {
    Set<String> actions = auditActions(Path.of("..", "ejb-module", "src", "main", "java"));
    actions.addAll(auditActions(Path.of("src", "main", "java")));
    assertTrue(actions.size() > 10, "the audit calls were found: " + actions);
    assertHasKeys("audit.action.", actions.stream());
  }

  private static Set<String> auditActions(Path sources) throws IOException {
    Pattern call = Pattern.compile("audit\\.record\\((.*?)\\);", Pattern.DOTALL);
    Pattern action = Pattern.compile("\"([a-z][a-zA-Z]*\\.[a-zA-Z]+)\"");
    Set<String> actions = new TreeSet<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher calls = call.matcher(Files.readString(file));
        while (calls.find()) {
          Matcher literal = action.matcher(calls.group(1));
          if (literal.find()) {
            actions.add(literal.group(1));
          }
        }
      }
    }
    return actions;
  }

  private static void assertHasKeys(String prefix, Stream<String> values) throws IOException {
    Properties english = load("");
    Properties chinese = load("_zh");
    Set<String> missing = new TreeSet<>();
    values.forEach(
        v -> {
          String key = prefix + v;
          if (english.getProperty(key) == null || chinese.getProperty(key) == null) {
            missing.add(key);
          }
        });
    assertFalse(!missing.isEmpty(), "keys without text: " + missing);
  }

  private static Properties load(String suffix) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessageKeysTest.class.getResourceAsStream(BUNDLE.formatted(suffix))) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }
}
