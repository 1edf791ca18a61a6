package com.billingcenter.metering.entity;

import com.billingcenter.usage.entity.BillingItem;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * An hour of one cloud account in the marketplace's terms: the usage of its billing items summed
 * per metering dimension, every dimension present (zero when nothing was used: AWS is told of an
 * idle hour too). Items without a dimension are not metered.
 */
public final class DimensionQuantities {

  private DimensionQuantities() {}

  /** Every dimension of the items, in name order. */
  public static Collection<String> dimensions(Collection<BillingItem> items) {
    TreeSet<String> dimensions = new TreeSet<>();
    for (BillingItem item : items) {
      if (item.awsDimension() != null) {
        dimensions.add(item.awsDimension());
      }
    }
    return dimensions;
  }

  /** The dimension of each item that has one, by the item's code. */
  public static Map<String, String> dimensionOf(Collection<BillingItem> items) {
    Map<String, String> dimensions = new java.util.HashMap<>();
    for (BillingItem item : items) {
      if (item.awsDimension() != null) {
        dimensions.put(item.code(), item.awsDimension());
      }
    }
    return dimensions;
  }

  /**
   * @param usage the hour's usage per billing item code (items not listed used nothing)
   * @return the quantity per dimension, in name order
   */
  public static Map<String, Long> of(Map<String, Long> usage, Collection<BillingItem> items) {
    Map<String, Long> quantities = new LinkedHashMap<>();
    for (String dimension : dimensions(items)) {
      quantities.put(dimension, 0L);
    }
    for (BillingItem item : items) {
      Long used = usage.get(item.code());
      if (item.awsDimension() != null && used != null) {
        quantities.merge(item.awsDimension(), used, Math::addExact);
      }
    }
    return quantities;
  }
}
