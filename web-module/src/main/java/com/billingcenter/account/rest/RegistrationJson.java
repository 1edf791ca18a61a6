package com.billingcenter.account.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/accounts}. */
@Schema(name = "Registration", description = "A new Billing Center account.")
public record RegistrationJson(
    @Schema(description = "3 to 40 letters, digits, '.', '_' or '-'.", required = true)
        String username,
    @Schema(description = "An e-mail address.", required = true) String loginAccount,
    @Schema(description = "At least 10 characters with letters and digits.", required = true)
        String password) {}
