package io.facecheck.deploymentchecks.observability;

import io.facecheck.deploymentchecks.support.PromQl;
import io.facecheck.deploymentchecks.support.RepositoryRoot;
import io.facecheck.testinfra.MetricsCatalog;
import java.util.Set;
import java.util.TreeSet;

/** The series names docs/metrics.md allows a query to use. */
final class DocumentedSeries {

  private static final Set<String> NAMES = names();

  private DocumentedSeries() {}

  /** The series {@code expression} names that docs/metrics.md does not list. */
  static Set<String> undocumentedIn(String expression) {
    Set<String> undocumented = new TreeSet<>(PromQl.seriesNames(expression));
    undocumented.removeAll(NAMES);
    return undocumented;
  }

  private static Set<String> names() {
    Set<String> names = new TreeSet<>();
    // Prometheus's own scrape health, which every query may use
    names.add("up");
    MetricsCatalog.read(RepositoryRoot.resolve("docs/metrics.md"))
        .forEach(series -> names.addAll(series.queryableNames()));
    return names;
  }
}
