package com.billingcenter.marketplace.aws.sns;

import com.billingcenter.marketplace.aws.sns.SnsRefusal.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The keys that SNS messages are signed with, by their {@code SigningCertURL}: fetched over HTTPS
 * from an allowed host ({@code billing.aws.sns.certificate-hosts}, AWS's SNS hosts by default) and
 * kept; or, for the sandbox and tests, read from a local file pinned to the URL ({@code
 * billing.aws.sns.pinned-certificates}: {@code URL=path}, comma-separated), never fetched. A kept
 * key is fetched again after {@code billing.aws.sns.certificate-lifetime} (default a day), so that
 * a certificate AWS replaced or revoked is not trusted for ever; when that fetch fails, the message
 * is refused rather than checked with the old key.
 */
@ApplicationScoped
public class SnsCertificates {

  /** A certificate is about a kilobyte; refuse anything much larger. */
  static final int MAX_CERTIFICATE = 64 * 1024;

  static final int MAX_KEPT = 100;

  static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

  /** What the configuration says: allowed hosts, pinned certificates, how long a key is kept. */
  record Settings(Pattern hosts, Map<String, Path> pinned, Duration lifetime) {

    static Settings fromConfig() {
      var config = ConfigProvider.getConfig();
      return new Settings(
          Pattern.compile(
              config
                  .getOptionalValue("billing.aws.sns.certificate-hosts", String.class)
                  .orElse(SnsSignature.DEFAULT_HOSTS)),
          pinned(config.getOptionalValue("billing.aws.sns.pinned-certificates", String.class)),
          config
              .getOptionalValue("billing.aws.sns.certificate-lifetime", Duration.class)
              .orElse(DEFAULT_LIFETIME));
    }

    /** {@code URL=path}, comma-separated. */
    static Map<String, Path> pinned(Optional<String> list) {
      Map<String, Path> pinned = new HashMap<>();
      list.ifPresent(
          entries -> {
            for (String entry : entries.split(",")) {
              int equals = entry.lastIndexOf('=');
              if (equals > 0) {
                pinned.put(
                    entry.substring(0, equals).trim(), Path.of(entry.substring(equals + 1).trim()));
              }
            }
          });
      return Map.copyOf(pinned);
    }
  }

  private record Kept(PublicKey key, Instant until) {}

  /** How long a URL whose fetch failed is not asked again: SNS retries the message later. */
  static final Duration FAILED_PAUSE = Duration.ofMinutes(1);

  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  /** URLs whose fetch failed, until when they are not asked again (at most {@link #MAX_KEPT}). */
  private final Map<String, Instant> failed = new ConcurrentHashMap<>();

  private final Clock clock;
  private final SnsFetch fetch;
  private final Supplier<Settings> settings;

  public SnsCertificates() {
    this(Clock.systemUTC(), SnsFetch.overTheNetwork(), Settings::fromConfig);
  }

  SnsCertificates(Clock clock, SnsFetch fetch, Supplier<Settings> settings) {
    this.clock = clock;
    this.fetch = fetch;
    this.settings = settings;
  }

  /** The allowed hosts of certificate and subscription URLs. */
  public Pattern hosts() {
    return settings.get().hosts();
  }

  /**
   * The key of the certificate at {@code url}, which must be on the SNS host of {@code topicArn}'s
   * region and name SNS as its subject (unless pinned). Its authenticity rests on that host's
   * HTTPS, whose own certificate chain the JDK checks against its trust store: SNS serves the
   * signing certificate alone, without the chain that would let it be checked apart.
   *
   * @throws SnsRefusal when the URL may not be fetched or holds no valid certificate; {@link
   *     Reason#CERTIFICATE_UNAVAILABLE} when it could not be fetched, now or within the last minute
   *     (it is not asked again before), so that SNS retries the message
   */
  public PublicKey keyFor(String url, String topicArn) {
    Instant now = clock.instant();
    Kept known = kept.get(url);
    if (known != null && now.isBefore(known.until())) {
      return known.key();
    }
    kept.values().removeIf(k -> !now.isBefore(k.until()));
    Settings current = settings.get();
    Optional<Path> pinned = Optional.ofNullable(current.pinned().get(url));
    X509Certificate certificate;
    if (pinned.isPresent()) {
      try (InputStream in = Files.newInputStream(pinned.get())) {
        certificate = parse(in.readNBytes(MAX_CERTIFICATE + 1));
      } catch (IOException e) {
        throw new SnsRefusal(Reason.CERTIFICATE, "The pinned certificate cannot be read.");
      }
    } else {
      if (!SnsSignature.allowedUrl(url, topicArn, current.hosts(), true)) {
        throw new SnsRefusal(
            Reason.CERTIFICATE_URL,
            "The signing certificate is not on the HTTPS host of its topic's SNS region.");
      }
      Instant pause = failed.get(url);
      if (pause != null && now.isBefore(pause)) {
        throw new SnsRefusal(
            Reason.CERTIFICATE_UNAVAILABLE,
            "The signing certificate could not be fetched a moment ago; not asked again yet.");
      }
      certificate = parse(fetched(url, now));
      if (!SnsSignature.isSigner(certificate)) {
        throw new SnsRefusal(Reason.CERTIFICATE, "The certificate is not one SNS signs with.");
      }
    }
    try {
      certificate.checkValidity(Date.from(now));
    } catch (CertificateException e) {
      throw new SnsRefusal(Reason.CERTIFICATE, "The signing certificate is not valid now.");
    }
    if (kept.size() < MAX_KEPT) {
      kept.put(url, new Kept(certificate.getPublicKey(), now.plus(current.lifetime())));
    }
    return certificate.getPublicKey();
  }

  private byte[] fetched(String url, Instant now) {
    try {
      SnsFetch.Fetched response = fetch.get(url, MAX_CERTIFICATE);
      if (response.status() != 200) {
        throw unavailable(url, now, "answered " + response.status());
      }
      failed.remove(url);
      return response.body();
    } catch (IOException e) {
      throw unavailable(url, now, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(url, now, "interrupted");
    }
  }

  private SnsRefusal unavailable(String url, Instant now, String why) {
    failed.values().removeIf(until -> !now.isBefore(until));
    if (failed.size() < MAX_KEPT) {
      failed.put(url, now.plus(FAILED_PAUSE));
    }
    return new SnsRefusal(
        Reason.CERTIFICATE_UNAVAILABLE, "The signing certificate cannot be fetched: " + why + ".");
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
}
