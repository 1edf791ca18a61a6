package com.billingcenter.site.control;

import com.billingcenter.site.entity.Site;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/**
 * The configured sites, in the order of the file. A malformed file stops the application at start
 * with a message naming the problem: running with a wrong idea of the sites would settle workspaces
 * wrongly.
 */
public final class SiteCatalog {

  private final Map<String, Site> sites;

  private SiteCatalog(Map<String, Site> sites) {
    this.sites = sites;
  }

  public static SiteCatalog parse(InputStream json) {
    Map<String, Site> sites = new LinkedHashMap<>();
    try (JsonReader reader = Json.createReader(json)) {
      for (JsonObject entry :
          reader.readObject().getJsonArray("sites").getValuesAs(JsonObject.class)) {
        Map<String, String> names = new LinkedHashMap<>();
        entry
            .getJsonObject("names")
            .forEach((lang, name) -> names.put(lang, ((JsonString) name).getString()));
        var methods = new LinkedHashSet<String>();
        entry
            .getJsonArray("settlementMethods")
            .getValuesAs(JsonString.class)
            .forEach(m -> methods.add(m.getString()));
        Site site =
            new Site(
                entry.getString("code"),
                names,
                entry.getString("region"),
                Currency.getInstance(entry.getString("currency")),
                entry.getString("defaultSettlement"),
                methods);
        if (sites.putIfAbsent(site.code(), site) != null) {
          throw new IllegalArgumentException("Site " + site.code() + " is configured twice.");
        }
      }
    } catch (JsonException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException(
          "The site configuration is not valid: " + e.getMessage(), e);
    }
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("The site configuration names no site.");
    }
    return new SiteCatalog(Collections.unmodifiableMap(sites));
  }

  public Optional<Site> find(String code) {
    return Optional.ofNullable(code == null ? null : sites.get(code));
  }

  public Collection<Site> all() {
    return sites.values();
  }
}
