package com.billingcenter.marketplace.boundary;

/** A workspace to open on the Commercial Plan while setting up a cloud account. */
public record NewWorkspace(String name, String siteCode, String language) {}
