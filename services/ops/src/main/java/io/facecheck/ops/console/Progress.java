package io.facecheck.ops.console;

import io.facecheck.ops.render.JsonLines;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Progress of a long operation, always on stderr so stdout stays machine-readable. On a terminal
 * one line is redrawn in place; elsewhere (CI, a pipe, a log file) a plain line, or a JSON line
 * with {@code --json}, every {@value #LINE_EVERY_RECORDS} records or every {@link #LINE_EVERY},
 * whichever comes first. A phase that ends before the first report prints nothing, so a small run
 * stays as quiet as before.
 */
public final class Progress {

  /** How progress is shown. */
  public enum Style {
    LIVE,
    LINES,
    JSON_LINES,
    NONE
  }

  static final long LIVE_EVERY = Duration.ofMillis(100).toNanos();
  static final Duration LINE_EVERY = Duration.ofSeconds(5);
  static final long LINE_EVERY_RECORDS = 1000;

  private final PrintWriter err;
  private final Style style;
  private final Ticker ticker;

  public Progress(PrintWriter err, Style style, Ticker ticker) {
    this.err = err;
    this.style = style;
    this.ticker = ticker;
  }

  /** With --json every stderr line is a JSON object, on a terminal too: scripts parse it. */
  public static Style styleFor(Terminal terminal, boolean json) {
    if (json) {
      return Style.JSON_LINES;
    }
    return terminal.interactive() ? Style.LIVE : Style.LINES;
  }

  /** Starts counting {@code total} steps of {@code phase} ("reading dead letters"). */
  public Phase begin(String phase, long total) {
    return new Phase(phase, total);
  }

  /** One phase; close it when done (try-with-resources). */
  public final class Phase implements AutoCloseable {

    private final String name;
    private final long total;
    private final long started;
    private long done;
    private long reportedAt;
    private long reportedDone;
    private boolean reported;

    private Phase(String name, long total) {
      this.name = name;
      this.total = total;
      this.started = ticker.nanos();
      this.reportedAt = started;
    }

    public void step() {
      step(1);
    }

    public void step(long n) {
      done += n;
      if (due()) {
        report(false);
      }
    }

    public long done() {
      return done;
    }

    private boolean due() {
      long now = ticker.nanos();
      return switch (style) {
        case LIVE -> now - reportedAt >= LIVE_EVERY;
        case LINES, JSON_LINES ->
            now - reportedAt >= LINE_EVERY.toNanos() || done - reportedDone >= LINE_EVERY_RECORDS;
        case NONE -> false;
      };
    }

    private void report(boolean finished) {
      long now = ticker.nanos();
      reportedAt = now;
      reportedDone = done;
      reported = true;
      double seconds = Math.max(1e-9, (now - started) / 1e9);
      switch (style) {
        case LIVE -> {
          // \r and erase to the end of the line: the line is redrawn in place
          err.print("\r\u001b[K" + text(finished, seconds));
          if (finished) {
            err.println();
          }
        }
        case LINES -> err.println(text(finished, seconds));
        case JSON_LINES -> JsonLines.write(err, json(finished, now));
        case NONE -> {}
      }
      err.flush();
    }

    private String text(boolean finished, double seconds) {
      String count = total >= 0 ? done + "/" + total : String.valueOf(done);
      String percent = total > 0 ? " (" + (100 * done / total) + "%)" : "";
      String tail;
      if (finished) {
        tail = String.format(Locale.ROOT, " done in %.1fs", seconds);
      } else if (seconds < 0.001) {
        tail = "";
      } else {
        double rate = done / seconds;
        tail = String.format(Locale.ROOT, rate < 10 ? " %.1f/s" : " %.0f/s", rate);
      }
      return "facecheck-ops: " + name + " " + count + percent + tail;
    }

    private Map<String, Object> json(boolean finished, long now) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("type", "progress");
      line.put("phase", name);
      line.put("done", done);
      line.put("total", total);
      line.put("elapsed_ms", (now - started) / 1_000_000);
      line.put("finished", finished);
      return line;
    }

    @Override
    public void close() {
      if (reported) {
        report(true);
      }
    }
  }
}
