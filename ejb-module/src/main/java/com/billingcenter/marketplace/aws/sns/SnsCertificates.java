package com.billingcenter.marketplace.aws.sns;

import com.billingcenter.marketplace.aws.sns.SnsRefusal.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The keys that SNS messages are signed with, by their {@code SigningCertURL}: fetched over HTTPS
 * from an allowed host ({@code billing.aws.sns.certificate-hosts}, AWS's SNS hosts by default) and
 * kept; or, for the sandbox and tests, read from a local file pinned to the URL ({@code
 * billing.aws.sns.pinned-certificates}: {@code URL=path}, comma-separated), never fetched. A kept
 * key is fetched again after {@code billing.aws.sns.certificate-lifetime} (default a day), so that
 * a certificate AWS replaced or revoked is not trusted for ever.
 */
@ApplicationScoped
public class SnsCertificates {

  /** A certificate is about a kilobyte; refuse anything much larger. */
  static final int MAX_CERTIFICATE = 64 * 1024;

  static final int MAX_KEPT = 100;

  private record Kept(PublicKey key, Instant until) {}

  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** The allowed hosts of certificate and subscription URLs. */
  public Pattern hosts() {
    return Pattern.compile(
        ConfigProvider.getConfig()
            .getOptionalValue("billing.aws.sns.certificate-hosts", String.class)
            .orElse(SnsSignature.DEFAULT_HOSTS));
  }

  /**
   * The key of the certificate at {@code url}.
   *
   * @throws SnsRefusal when the URL may not be fetched or holds no valid certificate
   */
  public PublicKey keyFor(String url) {
    Instant now = Instant.now();
    Kept known = kept.get(url);
    if (known != null && now.isBefore(known.until())) {
      return known.key();
    }
    kept.values().removeIf(k -> !now.isBefore(k.until()));
    Optional<Path> pinned = Optional.ofNullable(pinned().get(url));
    X509Certificate certificate;
    if (pinned.isPresent()) {
      try (InputStream in = Files.newInputStream(pinned.get())) {
        certificate = parse(in.readNBytes(MAX_CERTIFICATE + 1));
      } catch (IOException e) {
        throw new SnsRefusal(Reason.CERTIFICATE, "The pinned certificate cannot be read.");
      }
    } else {
      if (!SnsSignature.allowedUrl(url, hosts(), true)) {
        throw new SnsRefusal(
            Reason.CERTIFICATE_URL, "The signing certificate is not on an allowed HTTPS host.");
      }
      certificate = parse(fetch(url));
    }
    try {
      certificate.checkValidity();
    } catch (CertificateException e) {
      throw new SnsRefusal(Reason.CERTIFICATE, "The signing certificate is not valid now.");
    }
    if (kept.size() < MAX_KEPT) {
      Duration lifetime =
          ConfigProvider.getConfig()
              .getOptionalValue("billing.aws.sns.certificate-lifetime", Duration.class)
              .orElse(Duration.ofHours(24));
      kept.put(url, new Kept(certificate.getPublicKey(), now.plus(lifetime)));
    }
    return certificate.getPublicKey();
  }

  private byte[] fetch(String url) {
    try {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new SnsRefusal(Reason.CERTIFICATE, "The signing certificate cannot be fetched.");
        }
        return in.readNBytes(MAX_CERTIFICATE + 1);
      }
    } catch (IOException e) {
      throw new SnsRefusal(Reason.CERTIFICATE, "The signing certificate cannot be fetched.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SnsRefusal(Reason.CERTIFICATE, "Interrupted while fetching the certificate.");
    }
  }

  private static X509Certificate parse(byte[] pem) {
    if (pem.length > MAX_CERTIFICATE) {
      throw new SnsRefusal(Reason.CERTIFICATE, "The signing certificate is too large.");
    }
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(pem));
    } catch (CertificateException | ClassCastException e) {
      throw new SnsRefusal(Reason.CERTIFICATE, "The signing certificate cannot be read.");
    }
  }

  private static Map<String, Path> pinned() {
    Map<String, Path> pinned = new HashMap<>();
    ConfigProvider.getConfig()
        .getOptionalValue("billing.aws.sns.pinned-certificates", String.class)
        .ifPresent(
            list -> {
              for (String entry : list.split(",")) {
                int equals = entry.lastIndexOf('=');
                if (equals > 0) {
                  pinned.put(
                      entry.substring(0, equals).trim(),
                      Path.of(entry.substring(equals + 1).trim()));
                }
              }
            });
    return pinned;
  }
}
