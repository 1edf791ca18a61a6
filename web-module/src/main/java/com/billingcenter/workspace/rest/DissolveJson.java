package com.billingcenter.workspace.rest;

/** The body of {@code POST /api/v1/workspaces/{id}/dissolve}: the workspace's name, to confirm. */
public record DissolveJson(String name) {}
