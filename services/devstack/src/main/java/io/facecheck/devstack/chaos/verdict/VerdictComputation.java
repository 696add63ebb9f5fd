package io.facecheck.devstack.chaos.verdict;

import io.facecheck.devstack.chaos.verdict.Evidence.DeadLetteredRequest;
import io.facecheck.devstack.chaos.verdict.Evidence.HostileRecord;
import io.facecheck.devstack.chaos.verdict.Evidence.InjectedFault;
import io.facecheck.devstack.chaos.verdict.Evidence.ResultRecord;
import io.facecheck.devstack.chaos.verdict.Evidence.SentRequest;
import io.facecheck.devstack.chaos.verdict.Evidence.VerificationRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How each figure of the {@link Verdict} follows from the {@link Evidence}. */
final class VerdictComputation {

  private static final String CERTIFY_URL_ISSUED = "verification.certify_url_issued";
  private static final int EXAMPLES = 5;

  private final Evidence evidence;
  private final Map<String, List<ResultRecord>> resultsByKey;
  private final Map<String, VerificationRow> rowsByKey;
  private final Map<String, List<String>> examples = new LinkedHashMap<>();

  private VerdictComputation(Evidence evidence) {
    this.evidence = evidence;
    this.resultsByKey =
        evidence.results().stream().collect(Collectors.groupingBy(ResultRecord::key));
    this.rowsByKey =
        evidence.verifications().stream()
            .collect(Collectors.toMap(VerificationRow::key, Function.identity(), (a, b) -> a));
  }

  static Verdict compute(Evidence evidence) {
    return new VerdictComputation(evidence).verdict();
  }

  private Verdict verdict() {
    int finalCount = 0;
    int lost = 0;
    int deadLettered = 0;
    int wrongFinals = 0;
    int returnsLost = 0;
    Map<String, Integer> byStatus = new TreeMap<>();
    for (SentRequest request : evidence.requests()) {
      List<ResultRecord> finals = finals(request.key());
      VerificationRow row = rowsByKey.get(request.key());
      if (finals.isEmpty()) {
        if (row != null && "DEAD_LETTERED".equals(row.status())) {
          deadLettered++;
          example("dead_lettered", request.key());
        } else {
          lost++;
          example("lost", request.key() + " (" + (row == null ? "no row" : row.status()) + ")");
        }
        continue;
      }
      finalCount++;
      String status = finals.get(0).status();
      byStatus.merge(status, 1, Integer::sum);
      String user = userDecision(row);
      boolean returned = row != null && evidence.callbackVerificationIds().contains(row.id());
      if (!expected(user, returned).contains(status)) {
        wrongFinals++;
        example("wrong_finals", request.key() + ": user " + user + ", final " + status);
      } else if ("FAILED".equals(user) && !returned) {
        returnsLost++;
      }
    }
    int hostileUnaccounted = hostileUnaccounted();
    return new Verdict(
        evidence.requests().size(),
        evidence.unacknowledged(),
        finalCount,
        byStatus,
        lost,
        deadLettered,
        duplicateFinals(),
        redeliveredCopies(),
        secondCertifyUrls(),
        wrongFinals,
        returnsLost,
        piiHits(),
        evidence.hostile().size(),
        hostileUnaccounted,
        PartitionStalls.maxStallSeconds(evidence.offsetSamples()),
        recoverySeconds(),
        evidence.faults(),
        examples);
  }

  /** What the simulator says the user did with the verification's certification. */
  private String userDecision(VerificationRow row) {
    if (row == null || row.certifyId() == null) {
      return "NONE";
    }
    return evidence.certifications().getOrDefault(row.certifyId(), "UNKNOWN");
  }

  /**
   * The finals a user's action allows. A user who failed ends FAILED once intake accepted the
   * return; if intake was down at that moment the return is lost and the query alone cannot tell
   * "failed" from "not yet" (docs/architecture.md, Ladder and decisions): EXPIRED is then right
   * too.
   */
  private static Set<String> expected(String user, boolean returned) {
    return switch (user) {
      case "PASSED" -> Set.of("PASSED");
      case "FAILED" -> returned ? Set.of("FAILED") : Set.of("FAILED", "EXPIRED");
      // abandoned, never finished, or never got as far as a certification
      case "ABANDONED", "INIT", "NONE" -> Set.of("EXPIRED");
      default -> Set.of();
    };
  }

  private List<ResultRecord> finals(String key) {
    return resultsByKey.getOrDefault(key, List.of()).stream()
        .filter(ResultRecord::isFinal)
        .toList();
  }

  private int duplicateFinals() {
    int duplicates = 0;
    for (Map.Entry<String, List<ResultRecord>> e : resultsByKey.entrySet()) {
      Set<String> distinct = new HashSet<>();
      e.getValue().stream().filter(ResultRecord::isFinal).forEach(r -> distinct.add(r.eventId()));
      if (distinct.size() > 1) {
        duplicates++;
        example("duplicate_finals", e.getKey());
      }
    }
    return duplicates;
  }

  private int redeliveredCopies() {
    long all = evidence.results().size();
    long distinct = evidence.results().stream().map(ResultRecord::eventId).distinct().count();
    return (int) (all - distinct);
  }

  private int secondCertifyUrls() {
    int seconds = 0;
    for (Map.Entry<String, List<ResultRecord>> e : resultsByKey.entrySet()) {
      long urls =
          e.getValue().stream()
              .filter(r -> CERTIFY_URL_ISSUED.equals(r.type()))
              .map(ResultRecord::certifyUrl)
              .distinct()
              .count();
      if (urls > 1) {
        seconds++;
        example("second_certify_urls", e.getKey() + ": " + urls + " URLs");
      }
    }
    // the simulator issues one certification per outer_order_no: more certifications than
    // order numbers in the database means one no verification holds, a second certification
    long orderNumbers =
        evidence.verifications().stream()
            .map(VerificationRow::outerOrderNo)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .count();
    long extra = Math.max(0, evidence.simulatorCertifications() - orderNumbers);
    if (extra > 0) {
      example("second_certify_urls", extra + " certifications for an outer_order_no no row holds");
    }
    return seconds + (int) extra;
  }

  private int piiHits() {
    evidence.piiHits().stream().limit(EXAMPLES).forEach(place -> example("pii_hits", place));
    return evidence.piiHits().size();
  }

  private int hostileUnaccounted() {
    Set<String> deadLettered = new HashSet<>();
    for (DeadLetteredRequest d : evidence.requestDeadLetters()) {
      deadLettered.add(d.originalTopic() + "/" + d.originalPartition() + "/" + d.originalOffset());
    }
    int unaccounted = 0;
    for (HostileRecord h : evidence.hostile()) {
      int outcomes = outcomes(h, deadLettered);
      if (outcomes != 1) {
        unaccounted++;
        example(
            "hostile_unaccounted", h.label() + " (" + h.channel() + "): " + outcomes + " outcomes");
      }
    }
    return unaccounted;
  }

  /**
   * Over Kafka: a dead letter of the record, a final event, or DEAD_LETTERED for its request. Over
   * HTTP: a 4xx answer (refused at the door), or once accepted the same as Kafka.
   */
  private int outcomes(HostileRecord h, Set<String> deadLettered) {
    int outcomes = 0;
    if (h.overKafka()) {
      if (deadLettered.contains(
          io.facecheck.contracts.Topics.REQUESTS + "/" + h.partition() + "/" + h.offset())) {
        outcomes++;
      }
    } else if (h.httpStatus() >= 400 && h.httpStatus() < 500) {
      outcomes++;
    } else if (h.httpStatus() != 200 && h.httpStatus() != 202) {
      return 0;
    }
    if (h.requestId() != null) {
      long finalEvents = finals(h.key()).stream().map(ResultRecord::eventId).distinct().count();
      outcomes += (int) finalEvents;
      VerificationRow row = rowsByKey.get(h.key());
      if (finalEvents == 0 && row != null && "DEAD_LETTERED".equals(row.status())) {
        outcomes++;
      }
    }
    return outcomes;
  }

  private double recoverySeconds() {
    long lastFaultEnd =
        evidence.faults().stream()
            .filter(f -> !f.continuous())
            .mapToLong(InjectedFault::endMs)
            .max()
            .orElse(0);
    long lastFinal =
        evidence.results().stream()
            .filter(ResultRecord::isFinal)
            .mapToLong(ResultRecord::timestampMs)
            .max()
            .orElse(lastFaultEnd);
    return Math.max(0, lastFinal - lastFaultEnd) / 1000.0;
  }

  private void example(String figure, String what) {
    List<String> list = examples.computeIfAbsent(figure, f -> new ArrayList<>());
    if (list.size() < EXAMPLES) {
      list.add(what);
    }
  }
}
