package com.billingcenter.platform.control;

import jakarta.json.spi.JsonProvider;

/**
 * The application's one JSON-P provider. {@code jakarta.json.Json}'s static methods look the
 * provider up through the {@link java.util.ServiceLoader} on every call, which scans the class path
 * each time; on a hot path (every fulfillment, every audit entry, every API error) that cost more
 * than the rest of the work. Use {@link #PROVIDER} instead.
 */
public final class JsonText {

  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonText() {}
}
