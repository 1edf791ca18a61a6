package com.billingcenter.system.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class (or a test) of a security promise: a flaky security test must fail the build, not
 * pass on a second try. The build runs a failed test once more (failsafe's {@code
 * rerunFailingTestsCount}, for the rare container hiccup); a class or test marked so fails its
 * second run at once, so that one failure stands. Every integration test that {@code
 * docs/security.md}'s table names is marked so ({@code TestNamesTest}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(SecurityPromise.NeverRerun.class)
public @interface SecurityPromise {

  /** Fails a class, or a test, that this JVM has started before. */
  final class NeverRerun implements BeforeAllCallback, BeforeEachCallback {

    private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeAll(ExtensionContext context) {
      refuseASecondRun(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      refuseASecondRun(context);
    }

    private static void refuseASecondRun(ExtensionContext context) {
      if (!STARTED.add(context.getUniqueId())) {
        throw new AssertionError(
            context.getDisplayName()
                + " failed on its first run; a security test is never run twice (SecurityPromise).");
      }
    }
  }
}
