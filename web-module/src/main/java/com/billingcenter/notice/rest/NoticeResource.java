package com.billingcenter.notice.rest;

import com.billingcenter.notice.boundary.NoticeBoard;
import com.billingcenter.notice.entity.Notice;
import com.billingcenter.platform.rest.PageJson;
import com.billingcenter.platform.web.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The notices the Billing Center sent the caller, newest first. */
@Path("v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Notices to the caller, e.g. a workspace was locked")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class NoticeResource {

  @Inject Caller caller;
  @Inject NoticeBoard board;

  /** One notice, in the language of the workspace it is about ({@code en} or {@code zh}). */
  public record NoticeJson(
      long id,
      Instant at,
      String kind,
      Long workspaceId,
      String language,
      String subject,
      String body) {

    static NoticeJson of(Notice n) {
      return new NoticeJson(
          n.id(),
          n.createdAt(),
          n.kind(),
          n.workspaceId(),
          n.language().code(),
          n.subject(),
          n.body());
    }
  }

  @GET
  @Operation(
      summary = "Notices",
      description =
          "What the Billing Center told the caller, e.g. that a workspace was locked because its"
              + " AWS subscription ended; each in its workspace's language.")
  public PageJson<NoticeJson> page(
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return PageJson.of(page, size, "notices", board, caller.account().id(), NoticeJson::of);
  }
}
