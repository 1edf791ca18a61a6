package com.billingcenter.marketplace.aws.control;

import com.billingcenter.platform.control.JsonText;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * {@code LicenseArn} on {@code BatchMeterUsage}'s usage records, which the 2.40.x SDK model lacks
 * (see {@link RawAnswer}): a call puts the ARNs of its records, in order, under {@link #REQUEST},
 * and this interceptor writes them into the request's JSON; it also reads the ARNs of the answer's
 * {@code Results} and {@code UnprocessedRecords}, in order, into the holder under {@link
 * #RESPONSE}. Remove it once the SDK model has the field.
 */
final class UsageLicenseArns implements ExecutionInterceptor {

  static final ExecutionAttribute<List<String>> REQUEST =
      new ExecutionAttribute<>("billing.aws.UsageLicenseArns.request");
  static final ExecutionAttribute<Answer> RESPONSE =
      new ExecutionAttribute<>("billing.aws.UsageLicenseArns.response");

  /** The license ARNs of an answer's results and unprocessed records, in their order. */
  static final class Answer {
    final List<String> results = new ArrayList<>();
    final List<String> unprocessed = new ArrayList<>();
  }

  private static final ExecutionAttribute<byte[]> REWRITTEN =
      new ExecutionAttribute<>("billing.aws.UsageLicenseArns.rewritten");

  private static final int MAX_BODY = 1024 * 1024;

  /** The header must announce the rewritten body's length. */
  @Override
  public SdkHttpRequest modifyHttpRequest(
      Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    byte[] rewritten = rewritten(context, attributes);
    return rewritten == null
        ? context.httpRequest()
        : context.httpRequest().toBuilder()
            .putHeader("Content-Length", Integer.toString(rewritten.length))
            .build();
  }

  @Override
  public Optional<RequestBody> modifyHttpContent(
      Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    byte[] rewritten = rewritten(context, attributes);
    return rewritten == null
        ? context.requestBody()
        : Optional.of(RequestBody.fromBytes(rewritten));
  }

  /**
   * The body with the license ARNs, made once from the SDK's own body (whichever of the two hooks
   * the SDK calls first) and kept for the other.
   */
  private static byte[] rewritten(
      Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    List<String> arns = attributes.getAttribute(REQUEST);
    if (arns == null) {
      return null;
    }
    byte[] rewritten = attributes.getAttribute(REWRITTEN);
    if (rewritten == null && context.requestBody().isPresent()) {
      rewritten = rewrite(context.requestBody().get(), arns);
      attributes.putAttribute(REWRITTEN, rewritten);
    }
    return rewritten;
  }

  private static byte[] rewrite(RequestBody body, List<String> arns) {
    JsonObject request = read(body.contentStreamProvider().newStream());
    JsonArrayBuilder records = JsonText.PROVIDER.createArrayBuilder();
    JsonArray original = request.getJsonArray("UsageRecords");
    for (int i = 0; i < original.size(); i++) {
      JsonObject record = original.getJsonObject(i);
      String arn = i < arns.size() ? arns.get(i) : null;
      records.add(
          arn == null
              ? record
              : JsonText.PROVIDER.createObjectBuilder(record).add("LicenseArn", arn).build());
    }
    return JsonText.PROVIDER
        .createObjectBuilder(request)
        .add("UsageRecords", records)
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Answer answer = attributes.getAttribute(RESPONSE);
    Optional<InputStream> body = context.responseBody();
    if (answer == null || body.isEmpty() || !context.httpResponse().isSuccessful()) {
      return body;
    }
    try (InputStream in = body.get()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length <= MAX_BODY) {
        JsonObject response = read(new ByteArrayInputStream(bytes));
        collect(response.get("Results"), "UsageRecord", answer.results);
        collect(response.get("UnprocessedRecords"), null, answer.unprocessed);
      }
      return Optional.of(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonValue list, String recordField, List<String> into) {
    if (list instanceof JsonArray array) {
      for (JsonValue item : array) {
        JsonValue record =
            recordField == null || !(item instanceof JsonObject o) ? item : o.get(recordField);
        into.add(
            record instanceof JsonObject r && r.get("LicenseArn") instanceof JsonString arn
                ? arn.getString()
                : null);
      }
    }
  }

  private static JsonObject read(InputStream in) {
    try (JsonReader reader = JsonText.PROVIDER.createReader(in)) {
      return reader.readObject();
    }
  }
}
