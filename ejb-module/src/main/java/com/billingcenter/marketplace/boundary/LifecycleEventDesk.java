package com.billingcenter.marketplace.boundary;

import com.billingcenter.audit.control.Audit;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.aws.eventbridge.EventBridgeEvents;
import com.billingcenter.marketplace.aws.sns.SnsMessages;
import com.billingcenter.marketplace.aws.sns.SnsRefusal;
import com.billingcenter.marketplace.entity.MarketplaceEvent;
import com.billingcenter.platform.control.Databases;
import com.billingcenter.platform.control.JsonText;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.RuleViolation;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The lifecycle messages that did not simply apply, for the product's staff: a message the endpoint
 * refused as malformed although it came with the endpoint's secret (or SNS's signature) is kept
 * with its body and why ({@code refused_event}); a message that waits for its cloud account keeps
 * its body too. An operator replays either through today's reader (after a fix, or once the data it
 * waited for is there) or discards it; each is audited with the operator's name and reason, in the
 * customer's log when the message belongs to one.
 */
@Stateless
public class LifecycleEventDesk {

  /** The channels whose messages are kept and replayed. */
  public static final String EVENTBRIDGE = "eventbridge";

  public static final String SNS = "sns";

  static final String SUBJECT = "marketplaceEvent";

  private static final Logger LOG = Logger.getLogger(LifecycleEventDesk.class.getName());

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @PersistenceContext EntityManager em;
  @Inject SubscriptionLifecycle lifecycle;
  @Inject AgreementEndings endings;
  @Inject SnsMessages sns;
  @Inject Audit audit;
  @Inject Clock clock;

  /** What a replay did: the outcome, and the customer the message belongs to (null if none). */
  public record Replayed(String outcome, Long ownerId) {}

  /**
   * Keeps a message an endpoint refused as malformed although it came with its secret or signature,
   * with why; never fails the caller (a failure to keep it is logged).
   */
  public void refused(String channel, String provider, String reason, byte[] body) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO refused_event (id, channel, provider, received_at, reason, raw_body)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, Databases.nextValue(c, "refused_event_seq"));
      insert.setString(2, channel);
      insert.setString(3, provider);
      insert.setTimestamp(4, Timestamp.from(clock.instant()));
      insert.setString(5, abbreviate(reason == null ? "refused" : reason, 500));
      insert.setString(6, new String(body, StandardCharsets.UTF_8));
      insert.executeUpdate();
    } catch (SQLException | RuntimeException e) {
      LOG.warning(() -> "A refused " + channel + " message could not be kept: " + e);
    }
  }

  /**
   * Replays a waiting message through today's reader: it is read from its body again and received
   * afresh (applied, or waiting again).
   *
   * @throws RuleViolation {@code events.notWaiting} when it does not wait (any more), {@code
   *     events.noBody} for one kept before bodies were, {@code events.stillRefused} when today's
   *     reader refuses it (nothing changed)
   */
  public Replayed replayWaiting(long eventId, String actor, String reason) {
    MarketplaceEvent event = waiting(eventId);
    if (event.rawBody() == null) {
      throw new RuleViolation("events.noBody", "This message was kept without its body.");
    }
    String channel = event.channel();
    String provider = event.provider();
    String body = event.rawBody();
    em.remove(event);
    em.flush();
    Replayed replayed = receive(channel, provider, body);
    audited(replayed.ownerId(), actor, "marketplaceEvent.replayed", event, replayed, reason);
    return replayed;
  }

  /**
   * Discards a waiting message: it is not applied, and counts as waiting no more.
   *
   * @throws RuleViolation {@code events.notWaiting} when it does not wait (any more)
   */
  public void discardWaiting(long eventId, String actor, String reason) {
    MarketplaceEvent event = waiting(eventId);
    event.discard(actor, clock);
    audited(null, actor, "marketplaceEvent.discarded", event, null, reason);
  }

  /**
   * Replays a refused message through today's reader.
   *
   * @throws RuleViolation {@code events.notRefused} for no such message or one replayed or
   *     discarded before, {@code events.stillRefused} when today's reader refuses it too (nothing
   *     changed)
   */
  public Replayed replayRefused(long refusedId, String actor, String reason) {
    RefusedRow row = refusedRow(refusedId);
    Replayed replayed = receive(row.channel(), row.provider(), row.body());
    settle(refusedId, actor, "replayed: " + replayed.outcome());
    audit.record(
        replayed.ownerId(),
        actor,
        "marketplaceEvent.refusedReplayed",
        SUBJECT,
        "refused-" + refusedId,
        JsonText.PROVIDER.createObjectBuilder().add("refused", row.reason()).build().toString(),
        describe(replayed.outcome(), reason));
    return replayed;
  }

  /**
   * Discards a refused message: it stays on the page as discarded.
   *
   * @throws RuleViolation {@code events.notRefused} for no such message or one replayed or
   *     discarded before
   */
  public void discardRefused(long refusedId, String actor, String reason) {
    RefusedRow row = refusedRow(refusedId);
    settle(refusedId, actor, "discarded");
    audit.record(
        null,
        actor,
        "marketplaceEvent.refusedDiscarded",
        SUBJECT,
        "refused-" + refusedId,
        JsonText.PROVIDER.createObjectBuilder().add("refused", row.reason()).build().toString(),
        describe("DISCARDED", reason));
  }

  private MarketplaceEvent waiting(long eventId) {
    MarketplaceEvent event =
        em.find(MarketplaceEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE);
    if (event == null || !event.waiting()) {
      throw new RuleViolation("events.notWaiting", "This message does not wait (any more).");
    }
    return event;
  }

  private record RefusedRow(String channel, String provider, String reason, String body) {}

  private RefusedRow refusedRow(long refusedId) {
    return Sql.first(
            dataSource,
            "a refused message",
            "SELECT channel, provider, reason, raw_body FROM refused_event"
                + " WHERE id = ? AND settled_at IS NULL",
            r -> new RefusedRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4)),
            refusedId)
        .orElseThrow(
            () ->
                new RuleViolation("events.notRefused", "This message is not refused (any more)."));
  }

  private void settle(long refusedId, String actor, String as) {
    int settled =
        Sql.update(
            dataSource,
            "a refused message settled",
            "UPDATE refused_event SET settled_at = ?, settled_by = ?, settled_as = ?"
                + " WHERE id = ? AND settled_at IS NULL",
            clock.instant(),
            actor,
            abbreviate(as, 200),
            refusedId);
    if (settled == 0) {
      throw new RuleViolation("events.notRefused", "This message is not refused (any more).");
    }
  }

  /** Reads a message as its endpoint does today, and receives it. */
  private Replayed receive(String channel, String provider, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try {
      if (SNS.equals(channel)) {
        SnsMessages.Handled handled = sns.handle(bytes);
        return handled.event() == null
            ? new Replayed(handled.outcome(), null)
            : received(lifecycle.receive(handled.event(), body));
      }
      EventBridgeEvents.Reading reading =
          EventBridgeEvents.read(
              bytes,
              channel,
              provider,
              ConfigProvider.getConfig()
                  .getOptionalValue("billing." + provider + ".product-code", String.class)
                  .orElse(null));
      if (reading.ending() != null) {
        return new Replayed(endings.receive(reading.ending()).name(), null);
      }
      return reading.event() == null
          ? new Replayed("IGNORED", null)
          : received(lifecycle.receive(reading.event(), body));
    } catch (IllegalArgumentException | SnsRefusal refused) {
      throw new RuleViolation(
          "events.stillRefused", "Today's reader refuses it too: " + refused.getMessage());
    }
  }

  private Replayed received(SubscriptionLifecycle.Receipt receipt) {
    Long owner =
        receipt.cloudAccountId() == null
            ? null
            : Optional.ofNullable(em.find(CloudAccount.class, receipt.cloudAccountId()))
                .map(CloudAccount::ownerId)
                .orElse(null);
    return new Replayed(receipt.outcome().name(), owner);
  }

  private void audited(
      Long ownerId,
      String actor,
      String action,
      MarketplaceEvent event,
      Replayed replayed,
      String reason) {
    audit.record(
        ownerId,
        actor,
        action,
        SUBJECT,
        event.id(),
        JsonText.PROVIDER
            .createObjectBuilder()
            .add("message", MarketplaceEvent.key(event.channel(), event.messageId()))
            .add("change", event.change().name())
            .add("waiting", true)
            .build()
            .toString(),
        describe(replayed == null ? "DISCARDED" : replayed.outcome(), reason));
  }

  private static String describe(String outcome, String reason) {
    return JsonText.PROVIDER
        .createObjectBuilder()
        .add("outcome", outcome)
        .add("reason", reason)
        .build()
        .toString();
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
