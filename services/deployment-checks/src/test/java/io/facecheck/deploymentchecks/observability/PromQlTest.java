package io.facecheck.deploymentchecks.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.PromQl;
import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  void findsEverySeriesAndNoFunctionLabelKeywordOrDuration() {
    String expression =
        "sum by (topic, le) (rate(foo_total{reason=~\"A|B\", x=\"y{z}\"}[5m] offset 30m))"
            + " / ignoring (status) group_left bar_seconds_bucket > 2 * 1e3"
            + " and on () (baz or vector(0)) == 0"
            + " or histogram_quantile(0.95, sum by (le) (rate(qux_bucket[$__rate_interval])))";

    assertThat(PromQl.seriesNames(expression))
        .containsExactlyInAnyOrder("foo_total", "bar_seconds_bucket", "baz", "qux_bucket");
  }
}
