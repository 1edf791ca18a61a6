package com.billingcenter.marketplace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.billingcenter.marketplace.control.AgreementsInForce.OfAccount;
import com.billingcenter.marketplace.control.AgreementsInForce.ReadAgreement;
import com.billingcenter.marketplace.entity.AgreementTerms.PricingModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which agreement's terms apply to an hour: the newest that had started by the hour's end; before
 * them all the first, unless it is future-dated ("AcceptanceTime and StartTime can differ for
 * future dated agreements", API reference, DescribeAgreement; Seller Guide, future-dated offers).
 */
class AgreementsInForceTest {

  private static final Instant H10 = Instant.parse("2026-12-01T10:00:00Z");

  private static ReadAgreement agreement(String id, Instant accepted, Instant starts) {
    return new ReadAgreement(
        id, starts, PricingModel.SUBSCRIPTION, null, Map.of(), Map.of(), Map.of(), null, accepted);
  }

  private static Optional<String> inForce(OfAccount account, Instant hour) {
    return account.at(hour).map(ReadAgreement::agreementId);
  }

  @Test
  void theHourOfTheAcceptanceIsTheAgreementsFirstAndEarlierHoursAreItsToo() {
    Instant accepted = H10.plusSeconds(37 * 60);
    OfAccount account = new OfAccount(List.of(agreement("agmt-1", accepted, accepted)));
    assertEquals(Optional.of("agmt-1"), inForce(account, H10));
    assertEquals(
        Optional.of("agmt-1"),
        inForce(account, H10.minusSeconds(3 * 3600)),
        "a late report from before the acceptance is still this account's, not nobody's");
  }

  @Test
  void aFutureDatedAgreementIsInForceFromTheHourItStarts() {
    Instant starts = H10.plusSeconds(3 * 3600);
    OfAccount account = new OfAccount(List.of(agreement("agmt-fda", H10.plusSeconds(300), starts)));
    assertEquals(Optional.empty(), inForce(account, H10));
    assertEquals(Optional.empty(), inForce(account, starts.minusSeconds(3600)));
    assertEquals(Optional.of("agmt-fda"), inForce(account, starts));
    assertEquals(
        Optional.of("agmt-fda"), account.notStartedAt(H10).map(ReadAgreement::agreementId));
  }

  @Test
  void aRenewalTakesOverFromTheHourAfterItsStart() {
    Instant renewed = H10.plusSeconds(5 * 3600 + 60);
    OfAccount account =
        new OfAccount(
            List.of(
                agreement("agmt-renewal", renewed, renewed),
                agreement("agmt-first", H10.minusSeconds(86_400), H10.minusSeconds(86_400))));
    Instant renewalHour = renewed.minusSeconds(60);
    assertEquals(Optional.of("agmt-first"), inForce(account, H10));
    assertEquals(
        Optional.of("agmt-first"),
        inForce(account, renewalHour),
        "the hour of the renewal is the former agreement's last, as it is its license's");
    assertEquals(Optional.of("agmt-renewal"), inForce(account, renewalHour.plusSeconds(3600)));
  }
}
