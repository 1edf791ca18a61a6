package com.billingcenter.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The JSON API under {@code /api}; versioned resources live under {@code /api/v1}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Billing Center API",
            version = "1",
            description =
                "Workspaces, settlement methods, cloud accounts and bills of a Billing Center"
                    + " account. Authenticate every call with HTTP Basic (user name or login"
                    + " account, and password). Errors are JSON: {\"error\": code, \"message\":"
                    + " text}."))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description =
        "A customer's API token (bct_…, made in the Billing Center's API tokens page or with"
            + " POST /api/v1/account/tokens): read or read-write, expiring, revocable. Recommended"
            + " for scripts instead of the password.")
public class BillingApi extends Application {}
