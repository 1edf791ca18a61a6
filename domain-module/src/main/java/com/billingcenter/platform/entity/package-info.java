/**
 * Persistence plumbing shared by every capability: how time is stored ({@code UtcTimes}, the
 * converter) and the refusal of a rule. Holds no business rules and knows no capability.
 */
package com.billingcenter.platform.entity;
