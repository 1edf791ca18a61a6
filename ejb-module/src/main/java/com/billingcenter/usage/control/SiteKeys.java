package com.billingcenter.usage.control;

import com.billingcenter.site.control.Sites;
import com.billingcenter.site.entity.Site;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The keys sites report usage with: {@code billing.site.<code>.key} per site (from the environment
 * as {@code BILLING_SITE_<CODE>_KEY}). A site without a key, or with one under 16 characters,
 * cannot report. Keys are compared by their SHA-256 digests in constant time and never logged.
 */
@ApplicationScoped
public class SiteKeys {

  static final int MIN_KEY_LENGTH = 16;

  private static final Logger LOG = Logger.getLogger(SiteKeys.class.getName());

  @Inject Sites sites;
  @Inject Config config;

  private final Map<String, byte[]> digests = new LinkedHashMap<>();

  @PostConstruct
  void load() {
    for (Site site : sites.all()) {
      Optional<String> key =
          config.getOptionalValue("billing.site." + site.code() + ".key", String.class);
      if (key.isEmpty() || key.get().isBlank()) {
        continue;
      }
      if (key.get().length() < MIN_KEY_LENGTH) {
        LOG.warning(
            () -> "The key of site " + site.code() + " is shorter than 16 characters: not used.");
        continue;
      }
      digests.put(site.code(), digest(key.get()));
    }
    LOG.info(() -> "Usage reporting: keys for sites " + digests.keySet());
  }

  /** The site this key belongs to, or empty for no or a wrong key. */
  public Optional<String> siteOf(String key) {
    if (key == null || key.isEmpty() || key.length() > 512) {
      return Optional.empty();
    }
    byte[] given = digest(key);
    String found = null;
    for (Map.Entry<String, byte[]> entry : digests.entrySet()) {
      // Every key is compared, so that the time taken does not tell which one nearly matched.
      if (MessageDigest.isEqual(entry.getValue(), given)) {
        found = entry.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
