package io.facecheck.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.simulator.HeadlessChromium;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code demo --report}'s page, from a fixed run, opened from disk in a real headless Chromium: its
 * script draws every plot (a point per second and series, a bar per latency bin and per final
 * status), labels the axes, loads nothing and raises no error. Needs Debian's chromium and
 * chromium-driver: required in CI (CI=true), skipped with a message elsewhere.
 */
class HtmlReportBrowserIT {

  private static final String DRAWN =
      """
      const plot = (id) => {
        const svg = document.getElementById(id);
        return {
          bars: svg.querySelectorAll("rect.bar").length,
          points: svg.querySelectorAll("circle.point").length,
          certifyUrlPoints: svg.querySelectorAll("[data-series=certifyUrls] circle.point").length,
          finalPoints: svg.querySelectorAll("[data-series=finals] circle.point").length,
          xLabel: svg.querySelector("text.x-label")?.textContent ?? "",
          yLabel: svg.querySelector("text.y-label")?.textContent ?? "",
          ticks: svg.querySelectorAll("text.tick").length,
          tallestBar: Math.max(0, ...[...svg.querySelectorAll("rect.bar")]
              .map((r) => r.getBBox().height)),
        };
      };
      return {
        drawn: document.body.dataset.drawn === "true",
        errors: window.reportErrors,
        fetched: performance.getEntriesByType("resource").length,
        summaryRows: document.querySelectorAll("#summary tr").length,
        throughput: plot("throughput"),
        toCertifyUrl: plot("to-certify-url"),
        toFinal: plot("to-final"),
        outcomes: plot("outcomes"),
        outcomeLabels: [...document.querySelectorAll("#outcomes text.tick")]
            .map((t) => t.textContent).filter((t) => /^[A-Z_]+$/.test(t)),
      };
      """;

  @TempDir Path directory;

  @Test
  void chromiumDrawsEveryPlotWithLabelledAxesAndNoError() throws Exception {
    Tally tally = DemoRunFixture.tally();
    RunSeries series = RunSeries.of(tally);
    Path page = directory.resolve("demo-report.html");
    HtmlReport.write(page, DemoReport.of(tally), series);

    JsonNode drawn;
    try (HeadlessChromium browser = HeadlessChromium.startOrSkip("HtmlReportBrowserIT")) {
      browser.open(page.toUri().toString());
      drawn = browser.execute(DRAWN);
    }

    assertThat(drawn.path("errors").isArray()).isTrue();
    assertThat(drawn.path("errors")).as("JavaScript errors").isEmpty();
    assertThat(drawn.path("drawn").asBoolean()).isTrue();
    assertThat(drawn.path("fetched").asInt()).as("resources the page loaded").isZero();
    assertThat(drawn.path("summaryRows").asInt()).isEqualTo(6);

    JsonNode throughput = drawn.path("throughput");
    assertThat(throughput.path("certifyUrlPoints").asInt()).isEqualTo(5); // seconds 0-4
    assertThat(throughput.path("finalPoints").asInt()).isEqualTo(5);
    assertThat(throughput.path("xLabel").asString()).isEqualTo("second of the run");
    assertThat(throughput.path("yLabel").asString()).isEqualTo("per second");

    assertThat(drawn.at("/toCertifyUrl/bars").asInt())
        .isEqualTo(series.toCertifyUrl().counts().size());
    assertThat(drawn.at("/toFinal/bars").asInt()).isEqualTo(series.toFinal().counts().size());
    assertThat(drawn.at("/toCertifyUrl/xLabel").asString())
        .isEqualTo("milliseconds from request to certify URL");
    assertThat(drawn.at("/toFinal/xLabel").asString())
        .isEqualTo("milliseconds from request to final status");

    assertThat(drawn.at("/outcomes/bars").asInt()).isEqualTo(4);
    assertThat(drawn.path("outcomeLabels").toString())
        .isEqualTo("[\"PASSED\",\"FAILED\",\"EXPIRED\",\"REJECTED\"]");
    for (String plot : new String[] {"throughput", "toCertifyUrl", "toFinal", "outcomes"}) {
      assertThat(drawn.path(plot).path("ticks").asInt()).as(plot + " ticks").isGreaterThan(2);
      assertThat(drawn.path(plot).path("yLabel").asString()).as(plot + " y label").isNotBlank();
    }
    // the bars are drawn with a height, not only present: PASSED (4) is the tallest outcome
    assertThat(drawn.at("/outcomes/tallestBar").asDouble()).isGreaterThan(100);
  }
}
