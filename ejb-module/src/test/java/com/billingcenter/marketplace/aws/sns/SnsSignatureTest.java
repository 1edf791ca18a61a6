package com.billingcenter.marketplace.aws.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.platform.control.JsonText;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnsSignatureTest {

  private static KeyPair key;
  private static KeyPair otherKey;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair();
    otherKey = generator.generateKeyPair();
  }

  private static final String CERT =
      "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem";

  private static JsonObject notification(String version, String subject) {
    var json =
        JsonText.PROVIDER
            .createObjectBuilder()
            .add("Type", "Notification")
            .add("MessageId", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324")
            .add(
                "TopicArn",
                "arn:aws:sns:us-east-1:287250355862:aws-mp-subscription-notification-p1")
            .add(
                "Message",
                "{\"action\": \"unsubscribe-success\", \"customer-identifier\": \"c-1\","
                    + " \"product-code\": \"p1\"}")
            .add("Timestamp", "2026-11-26T10:00:00.000Z")
            .add("SignatureVersion", version)
            .add("Signature", "unsigned")
            .add("SigningCertURL", CERT);
    if (subject != null) {
      json.add("Subject", subject);
    }
    return json.build();
  }

  /** Signs the message as SNS does, with {@code with}. */
  private static SnsMessage signed(JsonObject json, KeyPair with) throws Exception {
    SnsMessage unsigned = SnsMessage.of(json);
    Signature signer = Signature.getInstance(unsigned.signatureAlgorithm());
    signer.initSign(with.getPrivate());
    signer.update(unsigned.canonical().getBytes(StandardCharsets.UTF_8));
    String signature = Base64.getEncoder().encodeToString(signer.sign());
    return SnsMessage.of(
        JsonText.PROVIDER.createObjectBuilder(json).add("Signature", signature).build());
  }

  @Test
  void canonicalStringsFollowAwsRules() {
    assertEquals(
        "Message\n{\"action\": \"unsubscribe-success\", \"customer-identifier\": \"c-1\","
            + " \"product-code\": \"p1\"}\nMessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\n"
            + "Subject\nHello\nTimestamp\n2026-11-26T10:00:00.000Z\n"
            + "TopicArn\narn:aws:sns:us-east-1:287250355862:aws-mp-subscription-notification-p1\n"
            + "Type\nNotification\n",
        SnsMessage.of(notification("2", "Hello")).canonical());
    assertFalse(
        SnsMessage.of(notification("2", null)).canonical().contains("Subject"),
        "no Subject line without a subject");
    JsonObject confirmation =
        JsonText.PROVIDER
            .createObjectBuilder(notification("1", null))
            .add("Type", "SubscriptionConfirmation")
            .add("Token", "tok")
            .add("SubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription")
            .build();
    assertEquals(
        "Message\n{\"action\": \"unsubscribe-success\", \"customer-identifier\": \"c-1\","
            + " \"product-code\": \"p1\"}\nMessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\n"
            + "SubscribeURL\nhttps://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription\n"
            + "Timestamp\n2026-11-26T10:00:00.000Z\nToken\ntok\n"
            + "TopicArn\narn:aws:sns:us-east-1:287250355862:aws-mp-subscription-notification-p1\n"
            + "Type\nSubscriptionConfirmation\n",
        SnsMessage.of(confirmation).canonical());
  }

  @Test
  void messagesSignedWithTheKeyVerifyInBothVersions() throws Exception {
    for (String version : new String[] {"1", "2"}) {
      SnsMessage message = signed(notification(version, "s"), key);
      assertTrue(SnsSignature.verify(message, key.getPublic()), "version " + version);
    }
  }

  @Test
  void anotherKeyAChangedMessageOrAGarbledSignatureFail() throws Exception {
    SnsMessage message = signed(notification("2", null), key);
    assertFalse(SnsSignature.verify(message, otherKey.getPublic()), "signed by another key");
    SnsMessage changed =
        new SnsMessage(
            message.type(),
            message.messageId(),
            message.topicArn(),
            message.subject(),
            message.message().replace("unsubscribe-success", "subscribe-success"),
            message.timestamp(),
            message.token(),
            message.subscribeUrl(),
            message.signatureVersion(),
            message.signature(),
            message.signingCertUrl());
    assertFalse(SnsSignature.verify(changed, key.getPublic()), "a changed message");
    SnsMessage garbled =
        new SnsMessage(
            message.type(),
            message.messageId(),
            message.topicArn(),
            message.subject(),
            message.message(),
            message.timestamp(),
            message.token(),
            message.subscribeUrl(),
            message.signatureVersion(),
            "not base64!",
            message.signingCertUrl());
    assertFalse(SnsSignature.verify(garbled, key.getPublic()));
  }

  @Test
  void onlyHttpsPemUrlsOnAwsSnsHostsMayBeFetched() {
    Pattern hosts = Pattern.compile(SnsSignature.DEFAULT_HOSTS);
    assertTrue(SnsSignature.allowedUrl(CERT, hosts, true));
    assertTrue(
        SnsSignature.allowedUrl(
            "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-x.pem",
            hosts,
            true));
    assertFalse(SnsSignature.allowedUrl(CERT.replace("https", "http"), hosts, true), "plain HTTP");
    assertFalse(
        SnsSignature.allowedUrl("https://sns.s3.amazonaws.com/x.pem", hosts, true),
        "an S3 bucket named sns: the region label has at least 3 characters");
    assertTrue(
        SnsSignature.allowedUrl("https://sns.cn-northwest-1.amazonaws.com.cn/x.pem", hosts, true));
    assertFalse(
        SnsSignature.allowedUrl("https://sns.us-east-1.amazonaws.com.evil.com/x.pem", hosts, true));
    assertFalse(
        SnsSignature.allowedUrl("https://evil.com/sns.us-east-1.amazonaws.com.pem", hosts, true));
    assertFalse(
        SnsSignature.allowedUrl("https://x@sns.us-east-1.amazonaws.com/x.pem", hosts, true));
    assertFalse(
        SnsSignature.allowedUrl("https://sns.us-east-1.amazonaws.com:8443/x.pem", hosts, true));
    assertFalse(SnsSignature.allowedUrl("https://sns.us-east-1.amazonaws.com/x.txt", hosts, true));
    assertTrue(
        SnsSignature.allowedUrl(
            "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=t",
            hosts,
            false),
        "a SubscribeURL has no .pem path");
    assertFalse(SnsSignature.allowedUrl("not a url", hosts, false));
  }

  @Test
  void missingFieldsAndUnknownVersionsAreRefused() {
    JsonObject noTopic =
        JsonText.PROVIDER.createObjectBuilder(notification("2", null)).remove("TopicArn").build();
    assertThrows(IllegalArgumentException.class, () -> SnsMessage.of(noTopic));
    JsonObject version3 =
        JsonText.PROVIDER
            .createObjectBuilder(notification("2", null))
            .add("SignatureVersion", "3")
            .build();
    assertThrows(IllegalArgumentException.class, () -> SnsMessage.of(version3));
    JsonObject confirmationWithoutToken =
        JsonText.PROVIDER
            .createObjectBuilder(notification("2", null))
            .add("Type", "SubscriptionConfirmation")
            .build();
    assertThrows(IllegalArgumentException.class, () -> SnsMessage.of(confirmationWithoutToken));
  }

  /**
   * The SNS host of a topic's region, {@code sns.<region>.amazonaws.com} ({@code .com.cn} in
   * China): "Verifying the signatures of Amazon SNS messages",
   * https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html.
   */
  @Test
  void theSnsHostOfATopicIsItsRegionsAndChinasEndsInCn() {
    assertEquals(
        java.util.Optional.of("sns.us-east-1.amazonaws.com"),
        SnsSignature.hostOf(
            "arn:aws:sns:us-east-1:123456789012:aws-mp-subscription-notification-p"));
    assertEquals(
        java.util.Optional.of("sns.cn-northwest-1.amazonaws.com.cn"),
        SnsSignature.hostOf("arn:aws-cn:sns:cn-northwest-1:123456789012:topic"));
    assertEquals(java.util.Optional.empty(), SnsSignature.hostOf("arn:aws:sns:s3:1:topic"));
    assertEquals(java.util.Optional.empty(), SnsSignature.hostOf(null));
    String topic = "arn:aws:sns:us-east-1:123456789012:topic";
    Pattern hosts = Pattern.compile(SnsSignature.DEFAULT_HOSTS);
    assertTrue(SnsSignature.allowedUrl(CERT, topic, hosts, true));
    assertFalse(
        SnsSignature.allowedUrl(
            "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-x.pem",
            topic,
            hosts,
            true),
        "another region's SNS host");
  }
}
