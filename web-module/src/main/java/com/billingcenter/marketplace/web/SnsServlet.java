package com.billingcenter.marketplace.web;

import com.billingcenter.marketplace.aws.sns.SnsMessages;
import com.billingcenter.marketplace.aws.sns.SnsRefusal;
import com.billingcenter.marketplace.boundary.LifecycleEventDesk;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle;
import com.billingcenter.platform.control.JsonText;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * AWS Marketplace's Amazon SNS topics (the older integration of listings) post here: subscription
 * confirmations and notifications, each signed by AWS; a notification's change is applied by {@link
 * SubscriptionLifecycle}. A message that is malformed, from a topic not in {@code
 * billing.aws.sns.topic-arns}, or whose signature does not verify gets a 4xx and changes nothing.
 */
@WebServlet(urlPatterns = "/marketplace/aws/sns")
public class SnsServlet extends HttpServlet {

  /** SNS messages are at most 256 KiB. */
  static final int MAX_BODY = 256 * 1024;

  private static final String WHAT = "SNS message";

  @Inject SnsMessages messages;
  @Inject SubscriptionLifecycle lifecycle;
  @Inject LifecycleEventDesk desk;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String type = request.getContentType();
    if (type != null
        && !type.toLowerCase().startsWith("text/plain")
        && !type.toLowerCase().startsWith("application/json")) {
      JsonAnswers.refuse(
          WHAT, request, response, 415, "sns.notJson", "SNS posts its messages as JSON text.");
      return;
    }
    byte[] body =
        JsonAnswers.body(
            WHAT,
            request,
            response,
            MAX_BODY,
            "sns.tooLarge",
            "An SNS message is at most 256 KiB.");
    if (body == null) {
      return;
    }
    try {
      SnsMessages.Handled handled = messages.handle(body);
      String outcome = handled.outcome();
      int locked = 0;
      if (handled.event() != null) {
        SubscriptionLifecycle.Receipt receipt =
            lifecycle.receive(handled.event(), new String(body, StandardCharsets.UTF_8));
        outcome = receipt.outcome().name();
        locked = receipt.lockedWorkspaces();
      }
      JsonAnswers.answer(
          response,
          200,
          JsonText.PROVIDER
              .createObjectBuilder()
              .add("type", handled.type())
              .add("outcome", outcome)
              .add("lockedWorkspaces", locked)
              .build()
              .toString());
    } catch (SnsRefusal refused) {
      if (refused.signed()) {
        // SNS sent it: kept for an operator to replay after a fix.
        desk.refused(LifecycleEventDesk.SNS, "aws", refused.getMessage(), body);
      }
      JsonAnswers.refuse(
          WHAT,
          request,
          response,
          refused.reason().status(),
          "sns." + refused.reason().name().toLowerCase(),
          refused.getMessage());
    } catch (EJBException failed) {
      JsonAnswers.refuse(
          WHAT, request, response, 503, "sns.retry", "The message could not be applied; retry.");
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Allow", "POST");
    JsonAnswers.refuse(WHAT, request, response, 405, "sns.notPosted", "SNS messages are POSTed.");
  }
}
