package com.billingcenter.marketplace.aws.control;

import com.billingcenter.platform.control.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Keeps the raw JSON of a successful answer, for the fields AWS sends that the SDK model this
 * registry serves (2.40.x) predates and drops while unmarshalling: {@code LicenseArn} on {@code
 * ResolveCustomer}'s answer and on each entitlement of {@code GetEntitlements} (it identifies the
 * buyer of every product listed from June 2026 on). A call that wants them puts an empty holder
 * under {@link #ANSWER}; this interceptor fills it and hands the same bytes on to the SDK. Remove
 * it once the SDK model has the fields.
 */
final class RawAnswer implements ExecutionInterceptor {

  static final ExecutionAttribute<AtomicReference<JsonObject>> ANSWER =
      new ExecutionAttribute<>("billing.aws.RawAnswer");

  /** These answers are at most a few kilobytes; never buffer an unbounded body. */
  private static final int MAX_BODY = 256 * 1024;

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    AtomicReference<JsonObject> sink = attributes.getAttribute(ANSWER);
    Optional<InputStream> body = context.responseBody();
    if (sink == null || body.isEmpty() || !context.httpResponse().isSuccessful()) {
      return body;
    }
    try (InputStream in = body.get()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length <= MAX_BODY) {
        sink.set(objectOf(bytes));
      }
      return Optional.of(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON object in {@code json}, or null when it is not one. */
  static JsonObject objectOf(byte[] json) {
    try (JsonReader reader = JsonText.PROVIDER.createReader(new ByteArrayInputStream(json))) {
      return reader.readValue() instanceof JsonObject object ? object : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /** The text member {@code name} of {@code object}, or null when there is none. */
  static String text(JsonValue object, String name) {
    return object instanceof JsonObject o && o.get(name) instanceof JsonString value
        ? value.getString()
        : null;
  }
}
