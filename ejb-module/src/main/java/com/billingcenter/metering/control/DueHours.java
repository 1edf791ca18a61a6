package com.billingcenter.metering.control;

import com.billingcenter.metering.entity.MeteringHours;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which hours each account is due, gathered by hour so that one hour is written for many accounts
 * at once, oldest first; and per hour the accounts for which it is the final flush.
 */
public record DueHours(TreeMap<Instant, List<Long>> byHour, Map<Instant, Set<Long>> flushes) {

  public static DueHours of(
      List<MeteringStore.Account> accounts, Instant now, MeteringHours.Rules rules) {
    DueHours due = new DueHours(new TreeMap<>(), new HashMap<>());
    for (MeteringStore.Account account : accounts) {
      MeteringHours.Due hours =
          MeteringHours.due(
              account.status(),
              account.meteringFrom(),
              account.meteredThrough(),
              account.finalMeteringUntil(),
              account.endedAt(),
              now,
              rules);
      for (Instant hour : hours.hours()) {
        due.byHour.computeIfAbsent(hour, h -> new ArrayList<>()).add(account.id());
      }
      if (hours.lastIsFinalFlush()) {
        due.flushes
            .computeIfAbsent(hours.hours().get(hours.hours().size() - 1), h -> new HashSet<>())
            .add(account.id());
      }
    }
    return due;
  }
}
