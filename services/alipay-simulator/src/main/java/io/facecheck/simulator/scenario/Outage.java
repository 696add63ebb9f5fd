package io.facecheck.simulator.scenario;

import java.time.Instant;
import java.util.List;

/**
 * A window in which calls of the listed methods (all, when empty) get {@code fault} (default
 * http_502). Give {@code start}/{@code end}, or {@code starts_in_ms}/{@code lasts_ms}, which are
 * fixed to absolute times when the scenario is set.
 */
public record Outage(
    Instant start, Instant end, Long startsInMs, Long lastsMs, List<String> methods, Fault fault) {

  public Outage {
    methods = methods == null ? List.of() : List.copyOf(methods);
    fault = fault == null ? Fault.HTTP_502 : fault;
    if (fault == Fault.ERROR_ANSWER || fault == Fault.UNSIGNED_ERROR) {
      throw new IllegalArgumentException(
          "an outage cannot inject "
              + fault.wireName()
              + " (it needs a code): use faults with rate 1");
    }
    boolean absolute = start != null || end != null;
    boolean relative = startsInMs != null || lastsMs != null;
    if (absolute == relative) {
      throw new IllegalArgumentException("an outage needs start/end or starts_in_ms/lasts_ms");
    }
    if (absolute && (start == null || end == null || !end.isAfter(start))) {
      throw new IllegalArgumentException("an outage needs start before end");
    }
    if (relative && (lastsMs == null || lastsMs <= 0 || (startsInMs != null && startsInMs < 0))) {
      throw new IllegalArgumentException("an outage needs lasts_ms > 0 and starts_in_ms >= 0");
    }
  }

  public static Outage between(Instant start, Instant end, Fault fault, String... methods) {
    return new Outage(start, end, null, null, List.of(methods), fault);
  }

  public static Outage startingIn(long startsInMs, long lastsMs, Fault fault, String... methods) {
    return new Outage(null, null, startsInMs, lastsMs, List.of(methods), fault);
  }

  /** This outage with relative times fixed against {@code now}. */
  public Outage anchoredAt(Instant now) {
    if (start != null) {
      return this;
    }
    Instant from = now.plusMillis(startsInMs == null ? 0 : startsInMs);
    return new Outage(from, from.plusMillis(lastsMs), null, null, methods, fault);
  }

  public boolean covers(String method, Instant now) {
    return start != null
        && !now.isBefore(start)
        && now.isBefore(end)
        && (methods.isEmpty() || methods.contains(method));
  }
}
