package com.billingcenter.system.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the tests' shared server before any test when the build reserved its port: its sandbox is
 * AWS Marketplace for Arquillian's instance too, which cannot start it itself.
 */
public class SharedServerSession implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (Integer.getInteger("it.shared.port", 0) > 0) {
      BillingCenterServer.shared();
    }
  }
}
