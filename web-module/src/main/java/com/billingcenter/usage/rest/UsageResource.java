package com.billingcenter.usage.rest;

import com.billingcenter.platform.web.ApiErrors;
import com.billingcenter.platform.web.OversizeBodies;
import com.billingcenter.usage.boundary.UsageIntake;
import com.billingcenter.usage.control.SiteKeys;
import com.billingcenter.usage.control.UsageRefused;
import com.billingcenter.usage.entity.ReportedUsage;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
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
              + " harmless: a stored id is answered as a duplicate whenever it comes. Usage of an"
              + " hour that closed (15 minutes after it ended) is taken as late usage for 30 days"
              + " (billing.usage.late-horizon): billed in its hour, sent to AWS with a later one."
              + " At most 10,000 records and 4 MiB. 200 with the counts stored and"
              + " repeated; 422 with a reason per record, nothing stored (403 with the same body"
              + " when a record is of a workspace locked again soon after an earlier lock, which"
              + " takes no usage until it is unlocked); 401 for a wrong key.")
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
    UsageBatchReader.Batch batch;
    try {
      batch = UsageBatchReader.read(bytes, intake.maxBatch());
    } catch (UsageBatchReader.Malformed e) {
      LOG.info(() -> "Refused a usage report of site " + site + ": malformed body");
      return error(400, "malformedBody", e.getMessage());
    }
    if (batch.tooMany()) {
      LOG.info(() -> "Refused a usage report of site " + site + ": too many records");
      return error(
          413,
          "usage.tooMany",
          "A batch holds at most "
              + intake.maxBatch()
              + " records; this one has more. Send it in smaller batches.");
    }
    List<ReportedUsage> usage = batch.records();
    Map<Integer, String> problems = batch.problems();
    try {
      UsageIntake.Receipt receipt = intake.receive(site, usage, problems);
      return Response.ok(
              JSON.createObjectBuilder()
                  .add("site", site)
                  .add("records", usage.size())
                  .add("accepted", receipt.accepted())
                  .add("late", receipt.late())
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
      // 403 when the batch holds usage of a workspace locked again soon after an earlier lock,
      // which takes none until it is unlocked; else 422, every problem of the records named.
      return Response.status(refused.forbidden() ? 403 : 422)
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

  private static Response error(int status, String code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiErrors.json(code, message))
        .build();
  }
}
