package io.facecheck.statemachine.metrics;

import io.facecheck.statemachine.StatusChangeListener;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code facecheck.status.transitions} by from/to, and how long a verification took from its
 * request (the row's created_at) to its certify URL and to its final status, as histograms with SLO
 * buckets. Tags are statuses only: never an id.
 */
public final class StatusTransitionMeters implements StatusChangeListener {

  /** The {@code from} tag of a verification just stored. */
  public static final String NEW = "NONE";

  private static final Duration[] CERTIFY_URL_SLO = {
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5)
  };
  private static final Duration[] FINAL_SLO = {
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofMinutes(15),
    Duration.ofMinutes(30),
    Duration.ofHours(1),
    Duration.ofHours(2),
    Duration.ofHours(6),
    Duration.ofHours(24)
  };

  private final Clock clock;
  private final Map<String, Counter> transitions = new HashMap<>();
  private final Timer toCertifyUrl;
  private final Map<VerificationStatus, Timer> toFinal = new EnumMap<>(VerificationStatus.class);

  public StatusTransitionMeters(MeterRegistry registry, Clock clock) {
    this.clock = clock;
    // every allowed move is registered up front: a rate over a series that does not exist yet is
    // no rate at all, and the docs' test finds each one
    for (VerificationStatus to :
        new VerificationStatus[] {VerificationStatus.RECEIVED, VerificationStatus.REJECTED}) {
      transitions.put(key(null, to), counter(registry, NEW, to.name()));
    }
    for (VerificationStatus from : VerificationStatus.values()) {
      for (VerificationStatus to : from.allowedNext()) {
        transitions.put(key(from, to), counter(registry, from.name(), to.name()));
      }
    }
    toCertifyUrl =
        Timer.builder("facecheck.request.to.certify.url")
            .description("from the request stored (RECEIVED) to its certify URL (AWAITING_USER)")
            .serviceLevelObjectives(CERTIFY_URL_SLO)
            .register(registry);
    for (VerificationStatus status : VerificationStatus.values()) {
      if (status.isFinal()) {
        toFinal.put(
            status,
            Timer.builder("facecheck.request.to.final")
                .description("from the request stored (RECEIVED) to its final status")
                .tag("status", status.name())
                .serviceLevelObjectives(FINAL_SLO)
                .register(registry));
      }
    }
  }

  @Override
  public void statusChanged(VerificationStatus from, Verification after) {
    VerificationStatus to = after.status();
    Counter counter = transitions.get(key(from, to));
    if (counter != null) {
      counter.increment();
    }
    if (after.createdAt() == null || from == to) {
      return;
    }
    Duration since = Duration.between(after.createdAt(), clock.instant());
    if (since.isNegative()) {
      // another machine's clock wrote created_at: a negative time means nothing
      return;
    }
    if (to == VerificationStatus.AWAITING_USER && from == VerificationStatus.INITIALIZING) {
      toCertifyUrl.record(since);
    } else if (to.isFinal()) {
      toFinal.get(to).record(since);
    }
  }

  private static Counter counter(MeterRegistry registry, String from, String to) {
    return Counter.builder("facecheck.status.transitions")
        .description("status changes persisted (compare-and-set won)")
        .tag("from", from)
        .tag("to", to)
        .register(registry);
  }

  private static String key(VerificationStatus from, VerificationStatus to) {
    return (from == null ? NEW : from.name()) + ">" + to.name();
  }
}
