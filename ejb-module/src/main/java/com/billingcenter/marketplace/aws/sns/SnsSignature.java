package com.billingcenter.marketplace.aws.sns;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Checks an SNS message: its signing certificate's URL (HTTPS, on an allowed host, a {@code .pem}
 * path) before anything is fetched, and its signature over {@link SnsMessage#canonical()} with the
 * certificate's key.
 */
public final class SnsSignature {

  /**
   * AWS's SNS hosts: {@code sns.<region>.amazonaws.com} (and {@code .com.cn} in China), the region
   * label at least 3 characters long as the AWS SDKs' SNS message validators require; so {@code
   * sns.s3.amazonaws.com}, which is an S3 bucket's name, is no SNS host.
   */
  public static final String DEFAULT_HOSTS = "sns\\.[a-z0-9-]{3,}\\.amazonaws\\.com(\\.cn)?";

  /**
   * The subject (CN) of an SNS signing certificate: {@code sns.amazonaws.com}, or a regional one.
   */
  private static final Pattern SIGNER =
      Pattern.compile("sns(\\.[a-z0-9-]{3,})?\\.amazonaws\\.com(\\.cn)?");

  /** {@code arn:<partition>:sns:<region>:<account>:<topic>}. */
  private static final Pattern TOPIC_ARN =
      Pattern.compile(
          "arn:(aws|aws-cn|aws-us-gov):sns:([a-z0-9-]{3,}):\\d{12}:[A-Za-z0-9_-]{1,256}");

  private SnsSignature() {}

  /**
   * The one host SNS serves the certificates and subscription links of {@code topicArn} from:
   * {@code sns.<the topic's region>.amazonaws.com}, with {@code .cn} in AWS's China partition;
   * empty for what is no SNS topic ARN.
   */
  public static java.util.Optional<String> hostOf(String topicArn) {
    var arn = topicArn == null ? null : TOPIC_ARN.matcher(topicArn);
    if (arn == null || !arn.matches()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "sns." + arn.group(2) + ".amazonaws.com" + ("aws-cn".equals(arn.group(1)) ? ".cn" : ""));
  }

  /**
   * Whether {@code url} is on the SNS host of {@code topicArn} ({@link #hostOf}) as well as allowed
   * by {@link #allowedUrl}.
   */
  public static boolean allowedUrl(
      String url, String topicArn, Pattern hosts, boolean certificate) {
    var host = hostOf(topicArn);
    return allowedUrl(url, hosts, certificate)
        && host.isPresent()
        && host.get().equals(URI.create(url).getHost());
  }

  /**
   * Whether a certificate is one SNS signs with: its subject's common name is {@code
   * sns.amazonaws.com} (or a regional SNS name) and, where it says what its key is for, that is
   * digital signatures.
   */
  public static boolean isSigner(java.security.cert.X509Certificate certificate) {
    String subject = certificate.getSubjectX500Principal().getName();
    boolean named = false;
    try {
      for (var rdn : new javax.naming.ldap.LdapName(subject).getRdns()) {
        if ("CN".equalsIgnoreCase(rdn.getType())
            && SIGNER.matcher(String.valueOf(rdn.getValue())).matches()) {
          named = true;
        }
      }
    } catch (javax.naming.InvalidNameException e) {
      return false;
    }
    boolean[] usage = certificate.getKeyUsage();
    return named && (usage == null || usage[0]);
  }

  /**
   * Whether a signing certificate (or subscription) URL may be fetched: HTTPS, no user info or
   * other port, a host the pattern matches in full.
   */
  public static boolean allowedUrl(String url, Pattern hosts, boolean certificate) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return "https".equals(uri.getScheme())
        && uri.getRawUserInfo() == null
        && (uri.getPort() == -1 || uri.getPort() == 443)
        && uri.getHost() != null
        && hosts.matcher(uri.getHost()).matches()
        && (!certificate || (uri.getPath() != null && uri.getPath().endsWith(".pem")));
  }

  /** Whether {@code key} signed the message (SHA1withRSA or SHA256withRSA by its version). */
  public static boolean verify(SnsMessage message, PublicKey key) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(message.signature());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    try {
      Signature check = Signature.getInstance(message.signatureAlgorithm());
      check.initVerify(key);
      check.update(message.canonical().getBytes(StandardCharsets.UTF_8));
      return check.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
