package com.billingcenter.site.control;

import com.billingcenter.platform.control.JsonText;
import com.billingcenter.site.entity.Site;
import com.billingcenter.workspace.entity.Settlement;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
    JsonArray entries = JsonText.configured(json, "The site configuration", "sites");
    int index = 0;
    for (JsonValue value : entries) {
      index++;
      String where = "Site " + index;
      if (!(value instanceof JsonObject entry)) {
        throw new IllegalArgumentException(where + " is not a JSON object.");
      }
      String code = text(entry, "code", where);
      where = "Site " + code;
      Map<String, String> names = new LinkedHashMap<>();
      if (!(entry.get("names") instanceof JsonObject nameObject)) {
        throw new IllegalArgumentException(where + ": \"names\" must be an object of texts.");
      }
      for (String language : nameObject.keySet()) {
        names.put(language, text(nameObject, language, where + " names"));
      }
      if (!(entry.get("settlementMethods") instanceof JsonArray methodArray)) {
        throw new IllegalArgumentException(where + ": \"settlementMethods\" must be an array.");
      }
      var methods = new LinkedHashSet<String>();
      for (JsonValue method : methodArray) {
        if (!(method instanceof JsonString methodCode)) {
          throw new IllegalArgumentException(where + ": settlement methods are texts.");
        }
        methods.add(methodCode.getString());
      }
      String defaultSettlement = text(entry, "defaultSettlement", where);
      if (!Settlement.BILLING_CENTER.equals(defaultSettlement)) {
        // A workspace is created before any cloud account can pay for it.
        throw new IllegalArgumentException(
            where + ": the default settlement method must be " + Settlement.BILLING_CENTER + ".");
      }
      Currency currency;
      try {
        currency = Currency.getInstance(text(entry, "currency", where));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": unknown currency.", e);
      }
      Site site =
          new Site(code, names, text(entry, "region", where), currency, defaultSettlement, methods);
      if (sites.putIfAbsent(site.code(), site) != null) {
        throw new IllegalArgumentException("Site " + site.code() + " is configured twice.");
      }
    }
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("The site configuration names no site.");
    }
    return new SiteCatalog(Collections.unmodifiableMap(sites));
  }

  private static String text(JsonObject object, String field, String where) {
    if (!(object.get(field) instanceof JsonString value) || value.getString().isBlank()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" must be a text.");
    }
    return value.getString();
  }

  public Optional<Site> find(String code) {
    return Optional.ofNullable(code == null ? null : sites.get(code));
  }

  public Collection<Site> all() {
    return sites.values();
  }
}
