package io.facecheck.crashtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.crashtests.CrashChecks.Figures;
import io.facecheck.crashtests.PipelineTables.VerificationRow;
import io.facecheck.devstack.demo.FakeIdentities;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import io.facecheck.simulator.certification.CertificationStatus;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.Latency;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.UserBehaviour;
import io.facecheck.statemachine.VerificationStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

/**
 * Kills real service processes with SIGKILL in the middle of a run of {@value #REQUESTS}
 * verifications and starts them again (docs/architecture.md, Guarantees). One stack for the class:
 * Kafka, PostgreSQL (fsync on) and the Alipay simulator stay up in this JVM; worker, reconciler
 * (which runs the outbox relay) and intake are child JVMs. Simulated users finish within about a
 * second of their certification (70 % pass) and come back through intake. Each scenario has its own
 * client_id and checks only its own verifications with {@link CrashChecks}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {

  static final int REQUESTS = 300;
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final Path LOGS = Path.of("target", "crash-tests");

  private final FakeIdentities people = new FakeIdentities(20261126L);
  private final List<RequestBatch> batches = new ArrayList<>();
  private CrashStack stack;
  private PipelineTables tables;
  private CrashChecks checks;

  @BeforeAll
  void startTheStack() throws Exception {
    FileSystemUtils.deleteRecursively(LOGS);
    Files.createDirectories(LOGS);
    Scenario users =
        Scenario.none()
            .withSeed(7)
            .withLatency(Latency.uniform(20, 50))
            .withAutoUser(UserBehaviour.after(300, 0.7, 0.0).withDelayJitterMs(1_000));
    stack = CrashStack.start(LOGS, users);
    tables = new PipelineTables(stack.database().dataSource());
    checks =
        new CrashChecks(
            tables,
            new SimulatorCertifications(stack.simulator().baseUrl()),
            stack.bootstrapServers(),
            stack.appId());
  }

  @AfterAll
  void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * The worker dies while initializations are in flight: INITIALIZING is committed, Alipay may or
   * may not have answered. The successor gets the uncommitted records again and re-drives them with
   * the same outer_order_no, so Alipay hands back the same certification.
   */
  @Test
  @Order(1)
  void workerKilledMidInitializeLosesNothingAndIssuesNoSecondCertifyUrl() throws Exception {
    RequestBatch batch = produce("crash-worker");
    String client = batch.clientId();
    awaitQuickly(
        "initializations in flight beside issued URLs",
        () ->
            tables.count(client, VerificationStatus.AWAITING_USER) >= 50
                && tables.count(client, VerificationStatus.INITIALIZING) >= 5);
    assertThat(stack.worker().kill()).isEqualTo(ChildJvm.KILLED_BY_SIGKILL);

    Map<VerificationStatus, Integer> atKill = tables.statusCounts(client);
    report("worker killed", atKill);
    assertThat(atKill.getOrDefault(VerificationStatus.INITIALIZING, 0))
        .as("the kill caught initializations in flight")
        .isPositive();
    stack.startWorker();

    settleAndVerify(batch);
    Map<String, Integer> issuedBy = tables.movedBy(client, VerificationStatus.AWAITING_USER);
    report("certify URLs issued by", issuedBy);
    assertThat(issuedBy)
        .as("the successor re-drove what was in flight")
        .containsKey("worker@crash-2");
  }

  /**
   * The reconciler dies while users come back and decisions are being made: callbacks and query
   * results consumed but not committed, claimed ladder rows, outbox rows relayed but not marked.
   */
  @Test
  @Order(2)
  void reconcilerKilledMidRunDecidesEachVerificationOnce() throws Exception {
    RequestBatch batch = produce("crash-reconciler");
    String client = batch.clientId();
    awaitQuickly("some verifications decided", () -> tables.finalCount(client) >= 20);
    assertThat(stack.reconciler().kill()).isEqualTo(ChildJvm.KILLED_BY_SIGKILL);

    Map<VerificationStatus, Integer> atKill = tables.statusCounts(client);
    report("reconciler killed", atKill);
    assertThat(tables.finalCount(client)).as("the kill came mid-run").isLessThan(batch.size());
    stack.startReconciler();

    settleAndVerify(batch);
    Map<String, Integer> passedBy = tables.movedBy(client, VerificationStatus.PASSED);
    Map<String, Integer> failedBy = tables.movedBy(client, VerificationStatus.FAILED);
    report("passed by", passedBy);
    report("failed by", failedBy);
    assertThat(passedBy).as("the successor decided the rest").containsKey("reconciler@crash-2");
  }

  /**
   * The relay dies in a burst, between Kafka's acknowledgement and the mark: with the reconciler
   * down, the run's certify_url_issued events pile up in the outbox and users' callbacks on their
   * topic; the test locks the 51st unpublished row, starts a reconciler, whose relay sends batches
   * of 10 until the mark of the batch holding that row waits for the lock, and kills it there. Its
   * successor sends that batch again: copies with the same event ids, nothing lost.
   */
  @Test
  @Order(3)
  void relayKilledBetweenSendAndMarkLosesNoEventAndKeepsEachVerificationsOrder() throws Exception {
    assertThat(stack.reconciler().kill()).isEqualTo(ChildJvm.KILLED_BY_SIGKILL);
    RequestBatch batch = produce("crash-relay");
    String client = batch.clientId();
    await("every certify URL issued, every user done")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> everyUserActed(batch));
    assertThat(tables.outboxProgress(client))
        .as("[published, unpublished]")
        .containsExactly(0, batch.size());

    try (OutboxRowLock lock = OutboxRowLock.lock(stack.database().dataSource(), client, 50)) {
      ChildJvm relay = stack.launchReconciler();
      await("the relay's mark waiting, its batch sent")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                relay.assertAlive();
                return lock.relayWaits();
              });
      assertThat(relay.kill()).isEqualTo(ChildJvm.KILLED_BY_SIGKILL);
      lock.terminateWaitingMarks();
    }
    int[] atKill = tables.outboxProgress(client);
    long onTopic =
        CrashChecks.resultsOnTopic(stack.bootstrapServers()).stream()
            .filter(d -> d.event().clientId().equals(client))
            .map(d -> d.event().eventId())
            .distinct()
            .count();
    System.out.printf(
        "relay killed: %d events marked published, %d on the topic, %d not marked%n",
        atKill[0], onTopic, atKill[1]);
    assertThat(atKill[0])
        .as("batches before the locked row were marked")
        .isGreaterThanOrEqualTo(50);
    assertThat(onTopic)
        .as("a batch acknowledged by Kafka but never marked")
        .isGreaterThan(atKill[0]);
    stack.startReconciler();

    Figures figures = settleAndVerify(batch);
    assertThat(figures.copies()).as("the unmarked batch was sent again").isPositive();
  }

  /** cert_name and cert_no only ever travel on verification-requests, never in a service's log. */
  @Test
  @Order(4)
  void noServiceLoggedACertNameOrCertNo() throws Exception {
    assertThat(stack.logFiles()).isNotEmpty();
    for (Path log : stack.logFiles()) {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(text).as(log.toString()).contains("Started");
      for (RequestBatch batch : batches) {
        for (FakeIdentity person : batch.people()) {
          assertThat(text).as(log.toString()).doesNotContain(person.certNo());
          assertThat(text).as(log.toString()).doesNotContain(person.certName());
        }
      }
    }
  }

  /**
   * The JSON forms (the worker logs ECS, the reconciler Logstash; {@link ServiceSettings}): no PII
   * even with JSON escapes decoded, and each status change logged while a record was handled
   * carries that record's verification_id, request_id, client_id and trace_id.
   */
  @Test
  @Order(4)
  void structuredLogsCarryTheRecordsIdsAndNoCertNameOrCertNo() throws Exception {
    int structured = 0;
    int statusChanges = 0;
    for (Path log : stack.logFiles()) {
      for (StructuredLog.Event event : StructuredLog.read(log)) {
        structured++;
        String text = event.decodedText();
        for (RequestBatch batch : batches) {
          for (FakeIdentity person : batch.people()) {
            assertThat(text).as(log.toString()).doesNotContain(person.certNo());
            assertThat(text).as(log.toString()).doesNotContain(person.certName());
          }
        }
        if (event.logger().endsWith("InitiationService")
            || event.logger().endsWith("OutcomeDecider")) {
          statusChanges++;
          for (String id : List.of("verification_id", "request_id", "client_id", "trace_id")) {
            assertThat(event.field(id)).as(id + " in " + event.json()).isNotBlank();
          }
        }
      }
    }
    assertThat(structured).as("JSON log lines").isPositive();
    assertThat(statusChanges).as("status changes logged while handling a record").isPositive();
  }

  private RequestBatch produce(String clientId) throws Exception {
    RequestBatch batch =
        new RequestBatch(clientId)
            .produce(stack.bootstrapServers(), REQUESTS, stack.businessReturnUrl(), people);
    batches.add(batch);
    return batch;
  }

  private Figures settleAndVerify(RequestBatch batch) throws Exception {
    checks.awaitSettled(batch);
    Figures figures = checks.verify(batch);
    report(batch.clientId() + " settled", figures.statuses());
    System.out.printf(
        "%s: %d extra copies of already delivered events on verification-results%n",
        batch.clientId(), figures.copies());
    // one certification at Alipay per verification, across every scenario so far: a second
    // certify URL would have needed a second one
    long certifications =
        stack.simulator().stats().certifications().values().stream()
            .mapToLong(Long::longValue)
            .sum();
    int verifications = batches.stream().mapToInt(RequestBatch::size).sum();
    assertThat(certifications).isEqualTo(verifications);
    System.out.printf(
        "simulator: %d certifications, %d initialize calls answered%n",
        certifications, stack.simulator().stats().count(GatewayMethods.INITIALIZE, "success"));
    return figures;
  }

  private boolean everyUserActed(RequestBatch batch) throws Exception {
    if (tables.count(batch.clientId(), VerificationStatus.AWAITING_USER) < batch.size()) {
      return false;
    }
    for (VerificationRow row : tables.verifications(batch.clientId())) {
      CertificationStatus status =
          stack.simulator().certificationStatus(row.certifyId()).orElseThrow();
      if (!status.isFinal()) {
        return false;
      }
    }
    return true;
  }

  private static void awaitQuickly(String what, java.util.concurrent.Callable<Boolean> condition) {
    await(what)
        .atMost(WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(5))
        .until(condition);
  }

  private static void report(String moment, Map<?, Integer> counts) {
    System.out.println(moment + ": " + counts);
  }
}
