package com.billingcenter.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a view-scoped page bean keeps travels with the session to the next instance of a cluster (a
 * replicated session is serialized at the end of each request): every field it keeps, and what its
 * lists and maps hold, is serializable. A record of the boundary kept in a page without {@code
 * implements Serializable} failed only in the server's log, and broke the session's replication.
 */
class ViewStateSerializableTest {

  private static final Path CLASSES = Path.of("target", "classes");

  /** The records already looked into. */
  private static final java.util.Set<Class<?>> SEEN = new java.util.HashSet<>();

  @Test
  void everyFieldAViewScopedBeanKeepsIsSerializable() throws Exception {
    List<Class<?>> beans = viewScopedBeans();
    assertTrue(beans.size() > 10, "found the view-scoped beans: " + beans);
    TreeSet<String> problems = new TreeSet<>();
    for (Class<?> bean : beans) {
      if (!Serializable.class.isAssignableFrom(bean)) {
        problems.add(bean.getSimpleName() + " is not Serializable");
      }
      for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          int modifiers = field.getModifiers();
          if (Modifier.isStatic(modifiers)
              || Modifier.isTransient(modifiers)
              || field.isAnnotationPresent(Inject.class)) {
            continue;
          }
          List<String> found = new ArrayList<>();
          check(field.getGenericType(), found);
          found.forEach(t -> problems.add(bean.getSimpleName() + "." + field.getName() + ": " + t));
        }
      }
    }
    assertEquals(new TreeSet<String>(), problems, "what view-scoped beans keep and cannot travel");
  }

  /** Adds {@code type} (or what it holds) to {@code problems} when it cannot be serialized. */
  private static void check(Type type, List<String> problems) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (Collection.class.isAssignableFrom(raw)
          || Map.class.isAssignableFrom(raw)
          || Optional.class == raw) {
        for (Type argument : p.getActualTypeArguments()) {
          check(argument, problems);
        }
        return;
      }
      check(raw, problems);
    } else if (type instanceof Class<?> c) {
      // Object: what a form component put there (e.g. a Long[] of chosen ids), known at run time.
      if (!c.isPrimitive()
          && !c.isInterface()
          && c != Object.class
          && !Serializable.class.isAssignableFrom(c)) {
        problems.add(c.getName());
      } else if (c.isRecord() && SEEN.add(c)) {
        // A record's components travel with it.
        for (var component : c.getRecordComponents()) {
          check(component.getGenericType(), problems);
        }
      }
    }
  }

  private static List<Class<?>> viewScopedBeans() throws IOException, ClassNotFoundException {
    List<Class<?>> beans = new ArrayList<>();
    List<String> names;
    try (Stream<Path> files = Files.walk(CLASSES)) {
      names =
          files
              .map(CLASSES::relativize)
              .map(Path::toString)
              .filter(n -> n.endsWith(".class") && !n.contains("$"))
              .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
              .toList();
    }
    for (String name : names) {
      Class<?> type = Class.forName(name, false, ViewStateSerializableTest.class.getClassLoader());
      if (type.isAnnotationPresent(ViewScoped.class)) {
        beans.add(type);
      }
    }
    return beans;
  }
}
