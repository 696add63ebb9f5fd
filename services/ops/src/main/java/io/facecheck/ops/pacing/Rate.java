package io.facecheck.ops.pacing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records per second, as {@code --rate} takes it: {@code 50/s}, {@code 50}, {@code 0.5/s} or {@code
 * 600/m}. A replay is paced so a backlog of thousands of dead letters does not land on the worker
 * (and on Alipay behind it) in one burst.
 */
public record Rate(double perSecond) {

  /**
   * 100/s: a few thousand dead letters replay in under a minute, well within what a worker takes.
   */
  public static final String DEFAULT = "100/s";

  static final double MAX_PER_SECOND = 100_000;
  private static final Pattern TEXT =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(?:/\\s*(s|sec|second|m|min|minute))?");

  public Rate {
    if (!(perSecond > 0) || perSecond > MAX_PER_SECOND) {
      throw new IllegalArgumentException(
          "a rate is more than 0 and at most " + (long) MAX_PER_SECOND + "/s");
    }
  }

  /**
   * Parses {@code 50/s}, {@code 50}, {@code 600/m}; anything else is an IllegalArgumentException.
   */
  public static Rate parse(String text) {
    Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected records per second such as 50/s, 50 or 600/m, got '" + text + "'");
    }
    double amount = Double.parseDouble(m.group(1));
    boolean perMinute = m.group(2) != null && m.group(2).startsWith("m");
    return new Rate(perMinute ? amount / 60 : amount);
  }

  /** The time between two records. */
  public long intervalNanos() {
    return Math.max(1, Math.round(1e9 / perSecond));
  }

  @Override
  public String toString() {
    return perSecond == Math.rint(perSecond)
        ? (long) perSecond + "/s"
        : String.format(Locale.ROOT, "%.3f/s", perSecond);
  }
}
