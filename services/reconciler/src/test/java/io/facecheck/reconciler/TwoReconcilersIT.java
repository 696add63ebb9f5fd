package io.facecheck.reconciler;

import static io.facecheck.testinfra.WholeTopicReader.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.reconciler.config.PollingLoop;
import io.facecheck.reconciler.relay.ElectedRelay;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.testinfra.WholeTopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Two reconcilers on one database and one consumer group, as two pods would run. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReconcilersIT {

  private static final int VERIFICATIONS = 40;
  private static final JsonMapper JSON = PayloadJson.mapper();

  private static MutableClock clock;
  private static VerificationDatabase db;
  private static JdbcClient sql;
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;
  private static KafkaTemplate<String, String> producer;
  private static WholeTopicReader queries;
  private static WholeTopicReader results;

  @BeforeAll
  static void start() {
    ReconcilerInstances.createTopics();
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    db = VerificationDatabase.inNewDatabase(clock);
    sql = JdbcClient.create(db.dataSource);
    String group = "reconciler-pair-" + UUID.randomUUID();
    first = ReconcilerInstances.start(db.database, clock, group, "pair-1");
    second = ReconcilerInstances.start(db.database, clock, group, "pair-2");
    producer = ReconcilerInstances.producer();
    queries = new WholeTopicReader(Topics.QUERIES);
    results = new WholeTopicReader(Topics.RESULTS);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    first.close();
    second.close();
    queries.close();
    results.close();
    producer.destroy();
  }

  @Test
  @Order(1)
  void queryEachVerificationOncePerStepAndPublishOneFinalEventEach() throws Exception {
    List<Verification> all = new ArrayList<>();
    for (int i = 0; i < VERIFICATIONS; i++) {
      all.add(db.awaitingUser());
    }
    Instant since = clock.instant();

    for (int step : List.of(1, 3, 10)) {
      clock.advance(Duration.between(clock.instant(), since.plus(Duration.ofMinutes(step))));
      clock.advance(Duration.ofSeconds(1));
      Instant next = step == 10 ? since.plusSeconds(900) : since.plus(nextStep(step));
      awaitAllScheduledAt(next);
      assertEachQueried(all, QueryReason.LADDER, List.of(1, 3, 10).indexOf(step) + 1);
    }

    clock.advance(Duration.between(clock.instant(), since.plusSeconds(900)));
    awaitAllScheduledAt(clock.instant().plus(Duration.ofMinutes(2)));
    assertEachQueried(all, QueryReason.FINAL, 1);

    // the worker answers every final query, twice (a redelivery): half passed, half never came
    for (int i = 0; i < all.size(); i++) {
      VerificationQuery last = queriesOf(all.get(i), QueryReason.FINAL).get(0);
      QueryOutcome outcome = i % 2 == 0 ? QueryOutcome.PASSED : QueryOutcome.NOT_PASSED;
      for (int copy = 0; copy < 2; copy++) {
        String answer =
            JSON.writeValueAsString(
                VerificationQueryResult.answering(last, outcome, null, clock.instant()));
        producer.send(Topics.QUERY_RESULTS, last.verificationId().toString(), answer);
      }
    }
    producer.flush();

    // every verification decided, and every final event relayed
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                sql.sql(
                            "SELECT count(*) FROM outbox WHERE published_at IS NOT NULL"
                                + " AND event_type <> 'verification.certify_url_issued'")
                        .query(Long.class)
                        .single()
                    == VERIFICATIONS);
    for (int i = 0; i < all.size(); i++) {
      Verification v = all.get(i);
      VerificationStatus expected =
          i % 2 == 0 ? VerificationStatus.PASSED : VerificationStatus.EXPIRED;
      assertThat(db.find(v.id()).status()).isEqualTo(expected);
      List<String> types =
          results.readToEnd(keyed(Topics.resultKey(v.clientId(), v.requestId()))).stream()
              .map(r -> JSON.readTree(r.value()).get("type").asString())
              .toList();
      assertThat(types)
          .containsExactly(
              "verification.certify_url_issued", "verification." + expected.name().toLowerCase());
    }
  }

  @Test
  @Order(2)
  void oneRelayIsActiveAndTheStandbyTakesOverWhenItStops() {
    ElectedRelay relayOne = first.getBean(ElectedRelay.class);
    ElectedRelay relayTwo = second.getBean(ElectedRelay.class);
    await().until(() -> relayOne.isActive() || relayTwo.isActive());
    assertThat(relayOne.isActive() && relayTwo.isActive()).isFalse();
    ConfigurableApplicationContext active = relayOne.isActive() ? first : second;
    ElectedRelay standby = relayOne.isActive() ? relayTwo : relayOne;

    PollingLoop activeLoop = active.getBean("relayLoop", PollingLoop.class);
    activeLoop.stop();
    try {
      await().atMost(Duration.ofSeconds(30)).until(standby::isActive);
      Verification v = db.awaitingUser();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  !results
                      .readToEnd(keyed(Topics.resultKey(v.clientId(), v.requestId())))
                      .isEmpty());
    } finally {
      activeLoop.start();
    }
  }

  private static Duration nextStep(int step) {
    return step == 1 ? Duration.ofMinutes(3) : Duration.ofMinutes(10);
  }

  /** Both ladders have claimed, queried and rescheduled every verification. */
  private static void awaitAllScheduledAt(Instant next) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                sql.sql("SELECT count(*) FROM verifications WHERE next_query_at = :next")
                        .param("next", java.sql.Timestamp.from(next))
                        .query(Long.class)
                        .single()
                    == VERIFICATIONS);
  }

  private static void assertEachQueried(List<Verification> all, QueryReason reason, int times) {
    for (Verification v : all) {
      assertThat(queriesOf(v, reason)).as("%s queries of %s", reason, v.id()).hasSize(times);
    }
  }

  private static List<VerificationQuery> queriesOf(Verification v, QueryReason reason) {
    Set<QueryReason> wanted = Set.of(reason);
    return queries.readToEnd(keyed(v.id().toString())).stream()
        .map(ConsumerRecord::value)
        .map(value -> JSON.readValue(value, VerificationQuery.class))
        .filter(q -> wanted.contains(q.reason()))
        .toList();
  }
}
