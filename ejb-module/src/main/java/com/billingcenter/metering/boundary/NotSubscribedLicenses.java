package com.billingcenter.metering.boundary;

import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.metering.control.MeteringStore;
import com.billingcenter.metering.entity.MeteringState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * AWS answered a metering record with {@code CustomerNotSubscribed} (AWS Marketplace API reference,
 * UsageRecordResult: the customer "does not have an active agreement or subscription with this
 * product. Future UsageRecords for this customer will fail until the customer subscribes to your
 * product"; also for an invalid identifier or a suspended AWS account): the license's subscription
 * is over though no event said so here (or before one did). Its cloud account ends as on an
 * unsubscribe, through the same lifecycle (the workspaces it settled are locked with their
 * countdown and the customer gets the notice), and the operators are told in the log; metering of
 * that license stops with its final hour, which AWS refuses alike.
 */
@Stateless
public class NotSubscribedLicenses {

  private static final Logger LOG = Logger.getLogger(NotSubscribedLicenses.class.getName());

  /**
   * The lifecycle's channel of these messages (one per license, so a second answer is a repeat).
   */
  static final String CHANNEL = "metering";

  @Inject SubscriptionLifecycle lifecycle;
  @Inject Clock clock;

  /** Ends the cloud account of every license that a record of {@code answers} was refused for. */
  public void end(List<MeteringStore.Pending> sent, List<MeteringStore.Answer> answers) {
    Set<Long> refused =
        answers.stream()
            .filter(a -> a.state() == MeteringState.NOT_SUBSCRIBED)
            .map(MeteringStore.Answer::id)
            .collect(Collectors.toSet());
    if (refused.isEmpty()) {
      return;
    }
    Map<String, MeteringStore.Pending> licenses = new LinkedHashMap<>();
    for (MeteringStore.Pending record : sent) {
      if (refused.contains(record.id())) {
        licenses.putIfAbsent(record.provider() + " " + record.license().key(), record);
      }
    }
    for (MeteringStore.Pending record : licenses.values()) {
      var receipt =
          lifecycle.receive(
              new SubscriptionEvent(
                  CHANNEL,
                  "CustomerNotSubscribed:" + digest(record.provider(), record.license().key()),
                  record.provider(),
                  record.license().key(),
                  null,
                  null,
                  SubscriptionChange.ENDED,
                  clock.instant()));
      LOG.warning(
          () ->
              "AWS answered CustomerNotSubscribed for "
                  + record.license().reference()
                  + " (AWS account "
                  + record.accountId()
                  + "): its cloud account is ended as on an unsubscribe ("
                  + receipt.outcome()
                  + ", "
                  + receipt.lockedWorkspaces()
                  + " workspace(s) locked); its usage is no longer metered.");
    }
  }

  private static String digest(String provider, String licenseKey) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest((provider + " " + licenseKey).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
