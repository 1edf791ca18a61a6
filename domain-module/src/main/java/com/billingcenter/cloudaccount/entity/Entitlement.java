package com.billingcenter.cloudaccount.entity;

import java.time.Instant;

/**
 * What a buyer's contract entitles them to in one dimension, as the marketplace reports it: the
 * value as text (a whole number, a decimal, {@code true}/{@code false} or a word, e.g. a tier) and
 * the date it is expected to run to (null when the marketplace gives none).
 */
public record Entitlement(String dimension, String value, Instant expiresAt) {}
