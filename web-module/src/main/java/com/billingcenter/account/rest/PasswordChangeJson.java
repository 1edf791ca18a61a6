package com.billingcenter.account.rest;

/** The body of {@code POST /api/v1/account/password}. */
public record PasswordChangeJson(String currentPassword, String newPassword) {}
