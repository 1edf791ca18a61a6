package com.billingcenter.site.rest;

import com.billingcenter.site.control.Sites;
import com.billingcenter.site.entity.Site;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sites a workspace can be created on. */
@Path("v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Regional deployments of the product")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class SiteResource {

  @Inject Sites sites;

  /** A site; {@code names} by language code ({@code en}, {@code zh}). */
  public record SiteJson(
      String code,
      Map<String, String> names,
      String region,
      String currency,
      String defaultSettlement,
      Set<String> settlementMethods) {

    static SiteJson of(Site site) {
      return new SiteJson(
          site.code(),
          site.names(),
          site.region(),
          site.currency().getCurrencyCode(),
          site.defaultSettlement(),
          new TreeSet<>(site.settlementMethods()));
    }
  }

  @GET
  @Operation(
      summary = "The sites",
      description = "Every configured site, with its currency and the settlement methods allowed.")
  public List<SiteJson> all() {
    return sites.all().stream().map(SiteJson::of).toList();
  }
}
