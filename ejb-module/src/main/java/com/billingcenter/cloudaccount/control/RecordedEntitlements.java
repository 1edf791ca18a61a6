package com.billingcenter.cloudaccount.control;

import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.Entitlement;
import com.billingcenter.platform.control.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A contract's entitlements as a cloud account keeps them: a JSON array of {@code {"dimension",
 * "value", "expiresAt"}}, written and read only here.
 */
public final class RecordedEntitlements {

  private RecordedEntitlements() {}

  /** As many whole entitlements, in order, as {@link CloudAccount#MAX_ENTITLEMENTS_JSON} holds. */
  public static String write(List<Entitlement> entitlements) {
    StringBuilder text = new StringBuilder("[");
    for (Entitlement e : entitlements) {
      var item = JsonText.PROVIDER.createObjectBuilder().add("dimension", e.dimension());
      if (e.value() != null) {
        item.add("value", e.value());
      }
      if (e.expiresAt() != null) {
        item.add("expiresAt", e.expiresAt().toString());
      }
      String json = (text.length() == 1 ? "" : ",") + item.build();
      if (text.length() + json.length() + 1 > CloudAccount.MAX_ENTITLEMENTS_JSON) {
        break;
      }
      text.append(json);
    }
    return text.append(']').toString();
  }

  /** The entitlements last recorded for the account; empty when none were. */
  public static List<Entitlement> of(CloudAccount account) {
    return read(account.entitlements());
  }

  /** The entitlements in {@code json} as {@link #write} wrote it; empty for none or unreadable. */
  public static List<Entitlement> read(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    List<Entitlement> entitlements = new ArrayList<>();
    try (JsonReader reader = JsonText.PROVIDER.createReader(new StringReader(json))) {
      for (JsonValue item : reader.readArray()) {
        if (item instanceof JsonObject e && e.get("dimension") instanceof JsonString dimension) {
          entitlements.add(
              new Entitlement(
                  dimension.getString(),
                  e.getString("value", null),
                  e.get("expiresAt") instanceof JsonString at
                      ? Instant.parse(at.getString())
                      : null));
        }
      }
    } catch (RuntimeException unreadable) {
      return List.of();
    }
    return entitlements;
  }
}
