package com.billingcenter.usage.rest;

import com.billingcenter.platform.web.ApiErrors;
import com.billingcenter.platform.web.OversizeBodies;
import com.billingcenter.usage.boundary.UsageIntake;
import com.billingcenter.usage.boundary.UsageRefused;
import com.billingcenter.usage.control.SiteKeys;
import com.billingcenter.usage.entity.ReportedUsage;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/usage}: a site reports usage, authenticated by its key in {@code X-Site-Key}.
 * The batch is stored whole or refused whole with a reason per record.
 */
@Path("v1/usage")
@Tag(name = "Usage", description = "Usage reported by the sites")
public class UsageResource {

  /** The largest body taken: 10,000 records of about 150 bytes, with room to spare. */
  static final int MAX_BODY = 4 * 1024 * 1024;

  /** At most this many problems are listed in a refusal. */
  static final int MAX_PROBLEMS_LISTED = 1000;

  private static final Logger LOG = Logger.getLogger(UsageResource.class.getName());
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject SiteKeys siteKeys;
  @Inject UsageIntake intake;
  @Context HttpServletResponse servletResponse;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Report usage (sites only)",
      description =
          "Body: {\"records\": [{\"id\", \"workspaceId\", \"billingItem\", \"hour\", \"quantity\"}]}."
              + " hour is UTC on the hour (e.g. 2026-11-26T10:00:00Z); quantity a whole number"
              + " >= 0 in the billing item's unit; id (1-64 of A-Z a-z 0-9 _ . : -) makes a retry"
              + " harmless. At most 10,000 records and 4 MiB. 200 with the counts stored and"
              + " repeated; 422 with a reason per record, nothing stored; 401 for a wrong key.")
  public Response report(
      @Parameter(description = "The site's key from configuration") @HeaderParam("X-Site-Key")
          String key,
      InputStream body)
      throws IOException {
    String site = siteKeys.siteOf(key).orElse(null);
    if (site == null) {
      LOG.info("Refused a usage report: missing or unknown site key");
      OversizeBodies.discard(body, servletResponse);
      return error(401, "site.unauthorized", "X-Site-Key is missing or is not a site's key.");
    }
    byte[] bytes = body.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      OversizeBodies.discard(body, servletResponse);
      LOG.info(() -> "Refused a usage report of site " + site + ": body over 4 MiB");
      return error(
          413,
          "usage.tooLarge",
          "A usage report takes at most 4 MiB and "
              + intake.maxBatch()
              + " records; send it in smaller batches.");
    }
    JsonArray records;
    try (JsonReader reader =
        JSON.createReader(
            new InputStreamReader(
                new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      JsonValue root = reader.readValue();
      if (!(root instanceof JsonObject object) || !(object.get("records") instanceof JsonArray a)) {
        return error(400, "malformedBody", "The body must be {\"records\": [ ... ]}.");
      }
      records = a;
    } catch (JsonParsingException | IllegalStateException e) {
      LOG.info(() -> "Refused a usage report of site " + site + ": malformed JSON");
      return error(400, "malformedBody", "The body is not valid JSON: " + e.getMessage());
    } catch (JsonException e) {
      return error(400, "malformedBody", "The body is not valid JSON.");
    }
    if (records.size() > intake.maxBatch()) {
      LOG.info(() -> "Refused a usage report of site " + site + ": " + records.size() + " records");
      return error(
          413,
          "usage.tooMany",
          "A batch holds at most "
              + intake.maxBatch()
              + " records; this one has "
              + records.size()
              + ". Send it in smaller batches.");
    }
    List<ReportedUsage> usage = new ArrayList<>(records.size());
    Map<Integer, String> problems = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      try {
        usage.add(read(records.get(i)));
      } catch (IllegalArgumentException e) {
        usage.add(null);
        problems.put(i, e.getMessage());
      }
    }
    try {
      UsageIntake.Receipt receipt = intake.receive(site, usage, problems);
      return Response.ok(
              JSON.createObjectBuilder()
                  .add("site", site)
                  .add("records", records.size())
                  .add("accepted", receipt.accepted())
                  .add("duplicates", receipt.duplicates())
                  .build()
                  .toString())
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    } catch (UsageRefused refused) {
      LOG.info(() -> "Refused a usage report of site " + site + ": " + refused.getMessage());
      if (refused.problems().isEmpty()) {
        return error(409, "usage.conflict", refused.getMessage());
      }
      JsonArrayBuilder listed = JSON.createArrayBuilder();
      refused.problems().stream()
          .limit(MAX_PROBLEMS_LISTED)
          .forEach(
              p -> {
                var problem = JSON.createObjectBuilder().add("index", p.index());
                if (p.id() != null) {
                  problem.add("id", p.id());
                }
                listed.add(problem.add("reason", p.reason()));
              });
      return Response.status(422)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(
              JSON.createObjectBuilder()
                  .add("error", "usage.refused")
                  .add("message", refused.getMessage())
                  .add("problemCount", refused.problems().size())
                  .add("problems", listed)
                  .build()
                  .toString())
          .build();
    }
  }

  /** One record of the body; a wrong field is an {@link IllegalArgumentException} naming it. */
  static ReportedUsage read(JsonValue value) {
    if (!(value instanceof JsonObject record)) {
      throw new IllegalArgumentException("a record must be a JSON object");
    }
    String id = record.get("id") instanceof JsonString s ? s.getString() : null;
    if (id == null) {
      throw new IllegalArgumentException("id must be a text");
    }
    if (!(record.get("workspaceId") instanceof JsonNumber workspace) || !workspace.isIntegral()) {
      throw new IllegalArgumentException("workspaceId must be a whole number");
    }
    if (!(record.get("billingItem") instanceof JsonString item)) {
      throw new IllegalArgumentException("billingItem must be a text");
    }
    if (!(record.get("quantity") instanceof JsonNumber quantity) || !quantity.isIntegral()) {
      throw new IllegalArgumentException("quantity must be a whole number (>= 0)");
    }
    long amount;
    long workspaceId;
    try {
      amount = quantity.bigIntegerValueExact().longValueExact();
      workspaceId = workspace.bigIntegerValueExact().longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("workspaceId or quantity is out of range");
    }
    if (!(record.get("hour") instanceof JsonString hourText)) {
      throw new IllegalArgumentException("hour must be a UTC time such as 2026-11-26T10:00:00Z");
    }
    Instant hour;
    try {
      OffsetDateTime at = OffsetDateTime.parse(hourText.getString());
      if (!at.getOffset().equals(ZoneOffset.UTC)) {
        throw new IllegalArgumentException("hour must be in UTC (ending in Z)");
      }
      hour = at.toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("hour must be a UTC time such as 2026-11-26T10:00:00Z");
    }
    return new ReportedUsage(id, workspaceId, item.getString(), hour, amount);
  }

  private static Response error(int status, String code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiErrors.json(code, message))
        .build();
  }
}
