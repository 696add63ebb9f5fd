package io.facecheck.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page as text: self-contained, its figures embedded. HtmlReportBrowserIT draws it. */
class HtmlReportTest {

  private static final Tally TALLY = DemoRunFixture.tally();
  private static final String PAGE = HtmlReport.render(DemoReport.of(TALLY), RunSeries.of(TALLY));

  @Test
  void theFiguresAreEmbeddedInThePage() {
    assertThat(PAGE)
        .doesNotContain("/*DATA*/")
        .contains("\"throughput\":{\"certifyUrls\":[5,3,0,0,0],\"finals\":[0,1,3,2,1]}")
        .contains("\"PASSED\":4");
  }

  @Test
  void nothingOnThePageIsFetched() {
    assertThat(PAGE)
        .doesNotContain("src=")
        .doesNotContain("href=")
        .doesNotContain("<link")
        .doesNotContain("@import")
        .doesNotContain("url(")
        // and the browser is told to refuse any fetch the page might still attempt
        .contains("default-src 'none'");
  }
}
