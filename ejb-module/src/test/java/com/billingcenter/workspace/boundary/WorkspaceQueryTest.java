package com.billingcenter.workspace.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.billingcenter.platform.entity.RuleViolation;
import org.junit.jupiter.api.Test;

class WorkspaceQueryTest {

  private static WorkspaceQuery sortedBy(String field) {
    return new WorkspaceQuery(0, 20, field, true, null, null, null, null, null);
  }

  @Test
  void onlyKnownFieldsCanBeSortedSoNoInputReachesTheQueryText() {
    assertEquals("name", sortedBy("name").sortField());
    assertEquals("id", sortedBy(null).sortField());
    var refused = assertThrows(RuleViolation.class, () -> sortedBy("name; drop table workspace"));
    assertEquals("sort.invalid", refused.code());
  }

  @Test
  void pageSizeIsBetweenOneAndTwoHundred() {
    assertThrows(
        RuleViolation.class,
        () -> new WorkspaceQuery(0, 0, "id", true, null, null, null, null, null));
    assertThrows(
        RuleViolation.class,
        () -> new WorkspaceQuery(0, 201, "id", true, null, null, null, null, null));
    assertThrows(
        RuleViolation.class,
        () -> new WorkspaceQuery(-1, 20, "id", true, null, null, null, null, null));
  }

  @Test
  void filtersAreNormalised() {
    var query = new WorkspaceQuery(0, 20, "id", true, "  ", " us1 ", "fully-locked", "free", "");
    assertNull(query.nameContains());
    assertEquals("us1", query.siteCode());
    assertEquals("FULLY_LOCKED", query.status());
    assertEquals("FREE", query.plan());
    assertNull(query.settlementMethod());
  }
}
