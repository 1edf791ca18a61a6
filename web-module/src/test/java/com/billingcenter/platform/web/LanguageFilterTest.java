package com.billingcenter.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LanguageFilterTest {

  @Test
  void theLanguageIsReadFromTheQueryStringOnly() {
    assertEquals("zh", LanguageFilter.queryParameter("lang=zh", "lang"));
    assertEquals("en", LanguageFilter.queryParameter("ref=abc&lang=en&lang=zh", "lang"));
    assertNull(LanguageFilter.queryParameter("language=zh", "lang"));
    assertNull(LanguageFilter.queryParameter("=zh&lang", "lang"));
    assertNull(LanguageFilter.queryParameter(null, "lang"));
  }
}
