package com.billingcenter.site.control;

import com.billingcenter.site.entity.Site;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Currency;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the site catalogue once: from the file named by {@code billing.sites.file}, or else the
 * shipped {@code config/sites.json} packaged in this module. A missing or malformed file stops the
 * start-up with a message naming it.
 */
@ApplicationScoped
public class Sites {

  static final String PACKAGED = "/META-INF/billing/sites.json";

  private static final Logger LOG = Logger.getLogger(Sites.class.getName());

  @Inject
  @ConfigProperty(name = "billing.sites.file")
  Optional<String> file;

  private SiteCatalog catalog;

  @PostConstruct
  void load() {
    catalog = file.filter(f -> !f.isBlank()).map(Sites::fromFile).orElseGet(Sites::packaged);
    LOG.info(() -> "Sites: " + catalog.all().size() + " configured");
  }

  /** Loads the sites when the application starts, so that a bad file stops the deployment. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    LOG.fine(() -> "Sites loaded at start: " + catalog.all().size());
  }

  public Optional<Site> find(String code) {
    return catalog.find(code);
  }

  /** The currency the site bills in; US dollars for a site that is not configured (any more). */
  public Currency currencyOf(String code) {
    return find(code).map(Site::currency).orElse(Currency.getInstance("USD"));
  }

  /** Every site, in the order of the file. */
  public Collection<Site> all() {
    return catalog.all();
  }

  private static SiteCatalog fromFile(String name) {
    Path path = Path.of(name);
    try (InputStream in = Files.newInputStream(path)) {
      return parse(in, path.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the sites file " + path.toAbsolutePath(), e);
    }
  }

  private static SiteCatalog packaged() {
    try (InputStream in = Sites.class.getResourceAsStream(PACKAGED)) {
      if (in == null) {
        throw new IllegalStateException("The packaged sites file " + PACKAGED + " is missing.");
      }
      return parse(in, PACKAGED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SiteCatalog parse(InputStream in, String source) {
    try {
      return SiteCatalog.parse(in);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + ": " + e.getMessage(), e);
    }
  }
}
