package com.billingcenter.workspace.rest;

import java.util.List;

/** One page of workspaces: {@code page} counts from 1; {@code total} is over all pages. */
public record WorkspaceListJson(int page, int size, long total, List<WorkspaceJson> items) {}
