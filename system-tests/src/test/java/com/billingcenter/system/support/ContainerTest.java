package com.billingcenter.system.support;

import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A test that runs inside Payara Micro, next to the application's EJBs, datasource and identity
 * store, with a clock it moves ({@link MovableClock}). Every such test shares one deployment
 * ({@link ContainerDeployment}) and its database: each starts with the clock at the real time and
 * makes the accounts it needs. They run one after another on one thread, the one Arquillian's
 * contexts are bound to, while other classes run beside them.
 */
@ExtendWith(ArquillianExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public abstract class ContainerTest {

  @Inject protected MovableClock clock;

  @BeforeEach
  void theClockStartsAtTheRealTime() {
    clock.reset();
  }
}
