package com.billingcenter.sandbox.aws;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sandbox starts only where it is asked for: {@code sandbox.enabled=true}, which the Run
 * command, the tests and the benchmarks set and nothing else. Deployed anywhere else by mistake, it
 * fails its deployment rather than answer as AWS Marketplace.
 */
@WebListener
public class SandboxGuard implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(SandboxGuard.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    boolean enabled =
        ConfigProvider.getConfig().getOptionalValue("sandbox.enabled", Boolean.class).orElse(false);
    if (!enabled) {
      String why =
          "The AWS Marketplace sandbox is a test stand-in and never part of a deployment of the"
              + " Billing Center; it starts only with sandbox.enabled=true.";
      LOG.severe(why);
      throw new IllegalStateException(why);
    }
    LOG.warning("The AWS Marketplace sandbox is running (sandbox.enabled=true): not AWS.");
  }
}
