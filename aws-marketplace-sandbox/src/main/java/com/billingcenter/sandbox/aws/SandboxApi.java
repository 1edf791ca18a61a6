package com.billingcenter.sandbox.aws;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sandbox's control API, for tests and demos, under {@code /aws-sandbox/api}. */
@ApplicationPath("/api")
public class SandboxApi extends Application {}
