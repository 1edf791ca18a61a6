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

  private SnsSignature() {}

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
