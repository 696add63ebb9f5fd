package io.facecheck.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The series table of {@code docs/metrics.md}, read by the tests that hold the services and the
 * dashboards to it: the document is the single list, so it cannot drift from what runs.
 */
public final class MetricsCatalog {

  /** One documented series: its Prometheus name, type, and the services that expose it. */
  public record Series(String name, String type, Set<String> services) {

    /** The name a scrape shows: histograms as their {@code _bucket} series. */
    public String scrapedName() {
      return type.equals("histogram") ? name + "_bucket" : name;
    }

    /** The names a query may use for this series. */
    public Set<String> queryableNames() {
      return switch (type) {
        case "histogram" -> Set.of(name + "_bucket", name + "_count", name + "_sum", name + "_max");
        default -> Set.of(name);
      };
    }
  }

  private static final Pattern ROW =
      Pattern.compile(
          "^\\|\\s*`([a-z_:][a-z0-9_:]*)`\\s*\\|\\s*(\\w+)\\s*\\|[^|]*\\|([^|]*)\\|.*$");

  private MetricsCatalog() {}

  /** {@code docs/metrics.md} above the working directory. */
  public static List<Series> read() {
    return read(find());
  }

  public static List<Series> read(Path document) {
    try {
      List<Series> series = new ArrayList<>();
      for (String line : Files.readAllLines(document)) {
        Matcher row = ROW.matcher(line.strip());
        if (row.matches()) {
          Set<String> services =
              Arrays.stream(row.group(3).split(","))
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .collect(Collectors.toUnmodifiableSet());
          series.add(new Series(row.group(1), row.group(2), services));
        }
      }
      if (series.isEmpty()) {
        throw new IllegalStateException("no series table in " + document);
      }
      return series;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path find() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("docs").resolve("metrics.md");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no docs/metrics.md above " + Path.of("").toAbsolutePath());
  }
}
