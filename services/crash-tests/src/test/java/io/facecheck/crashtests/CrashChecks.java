package io.facecheck.crashtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.crashtests.PipelineTables.OutboxRow;
import io.facecheck.crashtests.PipelineTables.TransitionRow;
import io.facecheck.crashtests.PipelineTables.VerificationRow;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.testinfra.WholeTopicReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What every crash scenario must leave behind (docs/architecture.md, Guarantees 1–3): every request
 * a verification, every verification final as its user decided, one certify URL (one certification
 * at Alipay), one final event, a sane timeline, every outbox row published, events in order on
 * verification-results. Copies of one event id are allowed: the relay is at least once.
 */
final class CrashChecks {

  /** An upper bound for a scenario to settle after its restart, not a timing assertion. */
  static final Duration SETTLE = Duration.ofMinutes(3);

  private static final Pattern CERTIFY_ID = Pattern.compile("\"certify_id\":\"([0-9a-zA-Z]+)\"");

  /** One record of verification-results as it sits on the topic, with the event it carries. */
  record Delivered(
      int partition, long offset, String key, String payload, VerificationResult event) {}

  /** verification-results read whole, from the first record to the current end. */
  static List<Delivered> resultsOnTopic(String bootstrapServers) {
    return WholeTopicReader.readAll(bootstrapServers, Topics.RESULTS).stream()
        .map(
            r ->
                new Delivered(
                    r.partition(),
                    r.offset(),
                    WholeTopicReader.key(r),
                    WholeTopicReader.text(r),
                    PayloadJson.mapper().readValue(r.value(), VerificationResult.class)))
        .toList();
  }

  /** What a scenario's checks counted, for the report. */
  record Figures(int verifications, Map<VerificationStatus, Integer> statuses, int copies) {}

  private final PipelineTables tables;
  private final SimulatorCertifications simulator;
  private final String bootstrapServers;
  private final String appId;

  CrashChecks(
      PipelineTables tables,
      SimulatorCertifications simulator,
      String bootstrapServers,
      String appId) {
    this.tables = tables;
    this.simulator = simulator;
    this.bootstrapServers = bootstrapServers;
    this.appId = appId;
  }

  /** Waits until the batch's verifications are all final and all their events published. */
  void awaitSettled(RequestBatch batch) {
    String client = batch.clientId();
    await(client + ": every verification final and every event published")
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                tables.finalCount(client) == batch.size() && tables.outboxProgress(client)[1] == 0);
  }

  Figures verify(RequestBatch batch) throws Exception {
    String client = batch.clientId();
    List<VerificationRow> rows = tables.verifications(client);
    everyRequestIsOneFinalVerificationAsItsUserDecided(batch, rows);
    oneCertificationPerVerification(rows);
    timelinesFollowTheTransitionTable(rows, tables.timelines(client));
    Map<UUID, List<OutboxRow>> outbox =
        tables.outbox(client).stream().collect(Collectors.groupingBy(OutboxRow::verificationId));
    List<Delivered> delivered =
        resultsOnTopic(bootstrapServers).stream()
            .filter(d -> d.event().clientId().equals(client))
            .toList();
    int copies = 0;
    for (VerificationRow row : rows) {
      List<OutboxRow> events = outbox.getOrDefault(row.id(), List.of());
      twoOutboxRowsBothPublished(row, events);
      copies += resultsInOrderOncePerEventId(client, row, events, delivered);
    }
    return new Figures(rows.size(), tables.statusCounts(client), copies);
  }

  private void everyRequestIsOneFinalVerificationAsItsUserDecided(
      RequestBatch batch, List<VerificationRow> rows) throws Exception {
    assertThat(rows)
        .extracting(VerificationRow::requestId)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, batch.size()).mapToObj(i -> "r-" + i).toList());
    for (VerificationRow row : rows) {
      assertThat(row.status())
          .as(row.requestId())
          .isIn(VerificationStatus.PASSED, VerificationStatus.FAILED);
      String userDid = simulator.find(row.certifyId()).status();
      assertThat(row.status().name())
          .as(row.requestId() + ": what its user did")
          .isEqualTo(userDid);
    }
  }

  private void oneCertificationPerVerification(List<VerificationRow> rows) throws Exception {
    Set<String> certifyIds = new HashSet<>();
    for (VerificationRow row : rows) {
      String orderNo = row.id().toString().replace("-", "");
      assertThat(row.outerOrderNo()).as(row.requestId()).isEqualTo(orderNo);
      assertThat(certifyIds.add(row.certifyId()))
          .as(row.requestId() + " certify_id unique")
          .isTrue();
      assertThat(certifyIdIn(row.certifyUrl())).as(row.requestId()).isEqualTo(row.certifyId());
      SimulatorCertifications.Certification atAlipay = simulator.find(row.certifyId());
      assertThat(atAlipay.outerOrderNo()).as(row.requestId()).isEqualTo(orderNo);
      assertThat(atAlipay.appId()).isEqualTo(appId);
    }
  }

  /**
   * Status rows chain from RECEIVED along allowed moves to the current status, entering
   * AWAITING_USER once and a final status once; notes (from = to) may come in between.
   */
  private static void timelinesFollowTheTransitionTable(
      List<VerificationRow> rows, Map<UUID, List<TransitionRow>> timelines) {
    for (VerificationRow row : rows) {
      List<TransitionRow> moves =
          timelines.getOrDefault(row.id(), List.of()).stream().filter(t -> !t.isNote()).toList();
      assertThat(moves).as(row.requestId()).isNotEmpty();
      assertThat(moves.get(0).from()).as(row.requestId()).isNull();
      assertThat(moves.get(0).to()).as(row.requestId()).isEqualTo("RECEIVED");
      for (int i = 1; i < moves.size(); i++) {
        TransitionRow move = moves.get(i);
        assertThat(move.from()).as(row.requestId() + " #" + i).isEqualTo(moves.get(i - 1).to());
        assertThat(
                VerificationStatus.valueOf(move.from())
                    .canMoveTo(VerificationStatus.valueOf(move.to())))
            .as(row.requestId() + ": " + move)
            .isTrue();
      }
      assertThat(moves.get(moves.size() - 1).to())
          .as(row.requestId())
          .isEqualTo(row.status().name());
      assertThat(moves)
          .filteredOn(m -> m.to().equals("AWAITING_USER"))
          .as(row.requestId())
          .hasSize(1);
      assertThat(moves)
          .filteredOn(m -> VerificationStatus.valueOf(m.to()).isFinal())
          .as(row.requestId())
          .hasSize(1);
    }
  }

  private static void twoOutboxRowsBothPublished(VerificationRow row, List<OutboxRow> events) {
    assertThat(events)
        .extracting(OutboxRow::eventType)
        .as(row.requestId())
        .containsExactly(ResultType.CERTIFY_URL_ISSUED.value(), resultTypeOf(row.status()).value());
    assertThat(events).allSatisfy(e -> assertThat(e.published()).as(row.requestId()).isTrue());
  }

  /**
   * The verification's records on verification-results: exactly its two outbox event ids (any copy
   * of one id identical to the others), one partition, the certify URL issued before the final
   * event. Returns how many records were extra copies.
   */
  private static int resultsInOrderOncePerEventId(
      String client, VerificationRow row, List<OutboxRow> outbox, List<Delivered> delivered) {
    List<Delivered> mine =
        delivered.stream().filter(d -> d.event().verificationId().equals(row.id())).toList();
    String label = row.requestId();
    Map<UUID, Set<String>> payloadsById =
        mine.stream()
            .collect(
                Collectors.groupingBy(
                    d -> d.event().eventId(),
                    Collectors.mapping(Delivered::payload, Collectors.toSet())));
    assertThat(payloadsById.keySet())
        .as(label)
        .containsExactlyInAnyOrderElementsOf(outbox.stream().map(OutboxRow::eventId).toList());
    payloadsById.forEach((id, payloads) -> assertThat(payloads).as(label + " " + id).hasSize(1));
    assertThat(mine)
        .extracting(Delivered::key)
        .as(label)
        .containsOnly(Topics.resultKey(client, row.requestId()));
    assertThat(mine)
        .extracting(Delivered::partition)
        .as(label)
        .containsOnly(mine.get(0).partition());
    long firstIssued = firstOffset(mine, ResultType.CERTIFY_URL_ISSUED);
    long firstFinal = firstOffset(mine, resultTypeOf(row.status()));
    assertThat(firstIssued)
        .as(label + ": certify_url_issued before the final event")
        .isLessThan(firstFinal);
    mine.stream()
        .filter(d -> d.event().type() == ResultType.CERTIFY_URL_ISSUED)
        .forEach(d -> assertThat(d.event().certifyUrl()).as(label).isEqualTo(row.certifyUrl()));
    return mine.size() - payloadsById.size();
  }

  private static long firstOffset(List<Delivered> records, ResultType type) {
    return records.stream()
        .filter(d -> d.event().type() == type)
        .mapToLong(Delivered::offset)
        .min()
        .orElseThrow(() -> new AssertionError("no " + type.value() + " delivered"));
  }

  private static ResultType resultTypeOf(VerificationStatus status) {
    return switch (status) {
      case PASSED -> ResultType.PASSED;
      case FAILED -> ResultType.FAILED;
      case EXPIRED -> ResultType.EXPIRED;
      case REJECTED -> ResultType.REJECTED;
      default -> throw new AssertionError(status + " announces no final event");
    };
  }

  static String certifyIdIn(String certifyUrl) {
    Matcher m = CERTIFY_ID.matcher(URLDecoder.decode(certifyUrl, StandardCharsets.UTF_8));
    assertThat(m.find()).as("certify_id in the certify URL").isTrue();
    return m.group(1);
  }
}
