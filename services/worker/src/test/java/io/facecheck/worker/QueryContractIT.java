package io.facecheck.worker;

import static io.facecheck.worker.support.StoredVerificationReader.header;
import static io.facecheck.worker.support.StoredVerificationReader.key;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.simulator.scenario.Latency;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.testinfra.WholeTopicReader;
import io.facecheck.worker.support.QueryCommands;
import io.facecheck.worker.support.SimulatedAlipay;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query side of the contract: an unknown schema_version is dead-lettered, never read as v1 (nor
 * answered as one), and queried_at is when the query was sent, not when the answer came.
 */
class QueryContractIT extends LiveWorker {

  private static final long LATENCY_MS = 1_500;
  private static WholeTopicReader queryDeadLetters;

  @BeforeAll
  static void deadLetterReader() {
    queryDeadLetters = new WholeTopicReader(Topics.QUERIES_DLT);
  }

  @AfterAll
  static void closeReader() {
    queryDeadLetters.close();
  }

  @Test
  void aQueryOfAnUnknownSchemaVersionIsDeadLetteredAndTheNextIsAnswered() {
    UUID verificationId = UUID.randomUUID();
    VerificationQuery v1 =
        VerificationQuery.of(
            UUID.randomUUID(),
            verificationId,
            "default",
            "cid-" + UUID.randomUUID(),
            QueryReason.LADDER,
            Instant.now());
    byte[] v2 =
        new String(PayloadJson.mapper().writeValueAsBytes(v1), UTF_8)
            .replace("\"schema_version\":1", "\"schema_version\":2")
            .getBytes(UTF_8);
    assertThat(new String(v2, UTF_8)).contains("\"schema_version\":2");

    producer.send(Topics.QUERIES, verificationId.toString(), v2);
    UUID next = QueryCommands.send(producer, verificationId, "cid-" + UUID.randomUUID());
    producer.flush();

    ConsumerRecord<byte[], byte[]> letter =
        queryDeadLetters
            .awaitMatching(r -> key(r).equals(verificationId.toString()), 1, WAIT)
            .get(0);
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("UNKNOWN_SCHEMA_VERSION");
    assertThat(letter.value()).isEqualTo(v2);
    List<VerificationQueryResult> answers =
        queryResults.awaitMatching(r -> key(r).equals(verificationId.toString()), 1, WAIT).stream()
            .map(QueryCommands::parse)
            .toList();
    assertThat(answers).singleElement().satisfies(a -> assertThat(a.queryId()).isEqualTo(next));
  }

  @Test
  void queriedAtIsWhenTheQueryWasSentBeforeTheSlowAnswerArrived() {
    Scenario before = SimulatedAlipay.simulator().scenario();
    SimulatedAlipay.simulator().setScenario(before.withLatency(Latency.fixed(LATENCY_MS)));
    try {
      UUID verificationId = UUID.randomUUID();
      UUID queryId = QueryCommands.send(producer, verificationId, "cid-" + UUID.randomUUID());
      producer.flush();

      ConsumerRecord<byte[], byte[]> answer =
          queryResults.awaitMatching(r -> key(r).equals(verificationId.toString()), 1, WAIT).get(0);
      VerificationQueryResult result = QueryCommands.parse(answer);
      assertThat(result.queryId()).isEqualTo(queryId);
      // the answer was published after Alipay's latency had passed since the query was sent:
      // a queried_at stamped after the answer would be within a few ms of the publish time
      Instant published = Instant.ofEpochMilli(answer.timestamp());
      assertThat(result.queriedAt().plusMillis(LATENCY_MS)).isBeforeOrEqualTo(published);
    } finally {
      SimulatedAlipay.simulator().setScenario(before);
    }
  }
}
