package com.billingcenter.marketplace.aws.sns;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * One message as Amazon SNS posts it to an HTTP(S) subscriber: a {@code Notification}, a {@code
 * SubscriptionConfirmation} or an {@code UnsubscribeConfirmation}, with the fields AWS signs.
 */
public record SnsMessage(
    String type,
    String messageId,
    String topicArn,
    String subject,
    String message,
    String timestamp,
    String token,
    String subscribeUrl,
    String signatureVersion,
    String signature,
    String signingCertUrl) {

  public static final String NOTIFICATION = "Notification";
  public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
  public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

  private static final Set<String> TYPES =
      Set.of(NOTIFICATION, SUBSCRIPTION_CONFIRMATION, UNSUBSCRIBE_CONFIRMATION);

  /**
   * Reads a message.
   *
   * @throws IllegalArgumentException naming what is missing or wrong
   */
  public static SnsMessage of(JsonObject json) {
    String type = required(json, "Type");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("Unknown message type " + type + ".");
    }
    boolean notification = NOTIFICATION.equals(type);
    SnsMessage message =
        new SnsMessage(
            type,
            required(json, "MessageId"),
            required(json, "TopicArn"),
            optional(json, "Subject"),
            required(json, "Message"),
            required(json, "Timestamp"),
            notification ? null : required(json, "Token"),
            notification ? null : required(json, "SubscribeURL"),
            required(json, "SignatureVersion"),
            required(json, "Signature"),
            required(json, "SigningCertURL"));
    if (!"1".equals(message.signatureVersion()) && !"2".equals(message.signatureVersion())) {
      throw new IllegalArgumentException(
          "Unknown SignatureVersion " + message.signatureVersion() + ".");
    }
    return message;
  }

  /**
   * The string AWS signs: the signed fields' names and values, each followed by a newline, in byte
   * order of the names; a notification's {@code Subject} only when it has one.
   */
  public String canonical() {
    StringBuilder text = new StringBuilder();
    line(text, "Message", message);
    line(text, "MessageId", messageId);
    if (NOTIFICATION.equals(type)) {
      if (subject != null) {
        line(text, "Subject", subject);
      }
      line(text, "Timestamp", timestamp);
      line(text, "TopicArn", topicArn);
      line(text, "Type", type);
    } else {
      line(text, "SubscribeURL", subscribeUrl);
      line(text, "Timestamp", timestamp);
      line(text, "Token", token);
      line(text, "TopicArn", topicArn);
      line(text, "Type", type);
    }
    return text.toString();
  }

  /** {@code SHA1withRSA} for signature version 1, {@code SHA256withRSA} for 2. */
  public String signatureAlgorithm() {
    return "1".equals(signatureVersion) ? "SHA1withRSA" : "SHA256withRSA";
  }

  private static void line(StringBuilder text, String name, String value) {
    text.append(name).append('\n').append(value).append('\n');
  }

  private static String required(JsonObject json, String name) {
    String value = optional(json, name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("The message has no " + name + ".");
    }
    return value;
  }

  private static String optional(JsonObject json, String name) {
    JsonValue value = json.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString text)) {
      throw new IllegalArgumentException(name + " is not a string.");
    }
    return text.getString();
  }
}
