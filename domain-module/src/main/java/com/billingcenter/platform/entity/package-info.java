/**
 * Persistence plumbing shared by every capability: how time is stored. Holds no business rules and
 * knows no capability.
 */
package com.billingcenter.platform.entity;
