package com.billingcenter.platform.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;

/**
 * The application's one JSON-P provider, and reading JSON objects that come from outside (AWS's
 * events and messages) leniently: a member of another type than expected reads as absent. {@code
 * jakarta.json.Json}'s static methods look the provider up through the {@link
 * java.util.ServiceLoader} on every call, which scans the class path each time; on a hot path
 * (every fulfillment, every audit entry, every API error) that cost more than the rest of the work.
 * Use {@link #PROVIDER} instead.
 */
public final class JsonText {

  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonText() {}

  /**
   * The JSON object of a body (its encoding detected as JSON allows).
   *
   * @throws IllegalArgumentException when the body is not valid JSON, or not an object
   */
  public static JsonObject object(byte[] body) {
    try (JsonReader reader = PROVIDER.createReader(new ByteArrayInputStream(body))) {
      return object(reader);
    }
  }

  /**
   * The JSON object of a text.
   *
   * @throws IllegalArgumentException when the text is not valid JSON, or not an object
   */
  public static JsonObject object(String text) {
    try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
      return object(reader);
    }
  }

  private static JsonObject object(JsonReader reader) {
    try {
      if (reader.readValue() instanceof JsonObject object) {
        return object;
      }
      throw new IllegalArgumentException("The body is not a JSON object.");
    } catch (JsonException e) {
      throw new IllegalArgumentException("The body is not valid JSON.");
    }
  }

  /**
   * The array {@code name} of a configuration file's JSON object (the sites, the billing items).
   *
   * @throws IllegalArgumentException naming the file by {@code what} when it is not a JSON object,
   *     or has no array {@code name} with at least one entry
   */
  public static JsonArray configured(InputStream json, String what, String name) {
    JsonObject root;
    try (JsonReader reader = PROVIDER.createReader(json)) {
      root = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalArgumentException(what + ": not a JSON object: " + e.getMessage(), e);
    }
    if (!(root.get(name) instanceof JsonArray entries) || entries.isEmpty()) {
      throw new IllegalArgumentException(what + ": needs a non-empty \"" + name + "\" array.");
    }
    return entries;
  }

  /** The member {@code name} of {@code parent} if it is an object, else null. */
  public static JsonObject object(JsonObject parent, String name) {
    return parent.get(name) instanceof JsonObject child ? child : null;
  }

  /** The member {@code name} of {@code object} if it is a string, else null. */
  public static String text(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value ? value.getString() : null;
  }
}
