package com.billingcenter.system.support;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What every page must be in a browser, checked on what it shows now, each problem added to a list
 * with {@code where} it was seen: as wide as the window at most, and no serious or critical WCAG
 * 2.1 A/AA violation (axe-core).
 */
public final class PageChecks {

  private PageChecks() {}

  /** The page is no wider than the window (nothing to scroll sideways). */
  public static void fits(WebDriver browser, String where, List<String> problems) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    long pageWidth =
        ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
    long viewport = ((Number) js.executeScript("return window.innerWidth;")).longValue();
    if (pageWidth > viewport) {
      problems.add(
          where + ": the page is " + pageWidth + " px wide in a " + viewport + " px window");
    }
  }

  /** The accessibility check: serious and critical violations of WCAG 2.1 A and AA. */
  public static void axe(WebDriver browser, String where, List<String> problems) {
    for (Rule violation :
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(browser)
            .getViolations()) {
      if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
        problems.add(
            where
                + ": "
                + violation.getImpact()
                + " "
                + violation.getId()
                + " ("
                + violation.getHelp()
                + ") at "
                + violation.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
      }
    }
  }
}
