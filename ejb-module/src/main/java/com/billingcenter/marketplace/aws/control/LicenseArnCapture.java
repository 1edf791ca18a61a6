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
 * Reads {@code LicenseArn} from a {@code ResolveCustomer} answer. AWS sends it (it identifies the
 * buyer of every product listed from June 2026 on), but the newest {@code marketplacemetering}
 * model this registry serves (2.41.x) predates the field and drops it while unmarshalling. A call
 * that wants it puts an empty holder under {@link #LICENSE_ARN}; this interceptor fills it from the
 * raw JSON and hands the same bytes on to the SDK. Remove it once the SDK model has the field.
 */
final class LicenseArnCapture implements ExecutionInterceptor {

  static final ExecutionAttribute<AtomicReference<String>> LICENSE_ARN =
      new ExecutionAttribute<>("billing.aws.LicenseArn");

  /** ResolveCustomer answers are a few hundred bytes; never buffer an unbounded body. */
  private static final int MAX_BODY = 64 * 1024;

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    AtomicReference<String> sink = attributes.getAttribute(LICENSE_ARN);
    Optional<InputStream> body = context.responseBody();
    if (sink == null || body.isEmpty() || !context.httpResponse().isSuccessful()) {
      return body;
    }
    try (InputStream in = body.get()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length <= MAX_BODY) {
        sink.set(licenseArnOf(bytes));
      }
      return Optional.of(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String licenseArnOf(byte[] json) {
    try (JsonReader reader = JsonText.PROVIDER.createReader(new ByteArrayInputStream(json))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object
          && object.get("LicenseArn") instanceof JsonString licenseArn) {
        return licenseArn.getString();
      }
      return null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
