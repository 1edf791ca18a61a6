package com.billingcenter.workspace.rest;

/**
 * The body of {@code POST /api/v1/workspaces/{id}/settlement}: {@code {"method": "billing-center"}}
 * or {@code {"method": "aws", "cloudAccountId": 51}}.
 */
public record SettlementChangeJson(String method, Long cloudAccountId) {}
