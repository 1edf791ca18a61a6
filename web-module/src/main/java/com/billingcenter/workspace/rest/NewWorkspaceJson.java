package com.billingcenter.workspace.rest;

/**
 * The body of {@code POST /api/v1/workspaces}. {@code plan} is {@code commercial} (the default:
 * creating a workspace here opens the Commercial Plan) or {@code free}.
 */
public record NewWorkspaceJson(String name, String siteCode, String language, String plan) {}
