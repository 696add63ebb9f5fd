package io.facecheck.crashtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.facecheck.crashtests.PipelineTables.VerificationRow;
import io.facecheck.crashtests.RequestBatch.Request;
import io.facecheck.devstack.demo.FakeIdentities;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.Latency;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.UserBehaviour;
import io.facecheck.simulator.stats.SimulatorStats;
import io.facecheck.statemachine.VerificationStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.util.FileSystemUtils;

/**
 * The PostgreSQL pause test: the PostgreSQL server (every one of its processes) is stopped with
 * SIGSTOP for {@link #PAUSE} while users come back from Alipay and new requests arrive on both
 * doors, then resumed with SIGCONT. Every verification must end with the status its user earned at
 * the simulator: none lost, none EXPIRED for lack of a recorded return, one final event each.
 *
 * <p>The same child-JVM stack as {@link CrashIT} (intake, worker, reconciler; real broker, real
 * PostgreSQL with fsync on, the simulator). {@value #RETURNING} requests (some POSTed to intake,
 * the rest produced to Kafka) get their certify URL before the pause; their users finish (seeded:
 * {@value #PASS_RATE} pass) and return spread over the first three quarters of the pause, through
 * intake's callback to the business page. {@value #IN_FLIGHT} more are produced to Kafka right
 * before SIGSTOP, so that the pause catches some mid-flight. During the pause {@value
 * #KAFKA_DURING} more requests are produced to Kafka and {@value #HTTP_DURING} POSTed to intake
 * (retried after a 503's Retry-After, as a client would). The users of all these are the
 * simulator's automatic user once PostgreSQL is back. The verdict comes from PostgreSQL, the topics
 * and the simulator's records, never from the services' own counters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresPauseIT {

  /** {@code -Dfacecheck.pg-pause.seconds=N} changes it; 60 s is the issue's. */
  static final Duration PAUSE = Duration.ofSeconds(Long.getLong("facecheck.pg-pause.seconds", 60));

  static final int RETURNING = 120;

  /**
   * Of the {@value #RETURNING}, how many are POSTed to intake (the rest produced to Kafka): intake
   * has served requests before PostgreSQL stops, as it would in production (its Kafka producer is
   * connected, not started cold in the middle of the pause).
   */
  static final int POSTED_BEFORE = 20;

  /**
   * Produced to Kafka right before SIGSTOP, without waiting for the worker: the pause catches some
   * of them mid-flight (received, INITIALIZING with Alipay called, or its answer not yet stored).
   */
  static final int IN_FLIGHT = 20;

  static final int KAFKA_DURING = 40;
  static final int HTTP_DURING = 40;
  static final double PASS_RATE = 0.6;

  /** Nobody should expire because of the pause alone: each has the pause plus two minutes. */
  static final int TTL_SECONDS = (int) PAUSE.plusMinutes(2).toSeconds();

  private static final long SEED = 20261203L;
  private static final Path LOGS = Path.of("target", "pg-pause");
  private static final Duration START = Duration.ofMinutes(3);

  private final FakeIdentities people = new FakeIdentities(SEED);
  private BusinessReturnPage businessPage;
  private CrashStack stack;
  private PipelineTables tables;
  private PostgresProcesses postgres;

  @BeforeAll
  void startTheStack() throws Exception {
    FileSystemUtils.deleteRecursively(LOGS);
    Files.createDirectories(LOGS);
    businessPage = BusinessReturnPage.start();
    // no automatic user yet: the users of the requests issued before the pause are the test's
    Scenario alipay = Scenario.none().withSeed(SEED).withLatency(Latency.uniform(20, 50));
    stack = CrashStack.start(LOGS, alipay);
    tables = new PipelineTables(stack.database().dataSource());
    postgres = PostgresProcesses.of(stack.database().dataSource()).orElse(null);
  }

  @AfterAll
  void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
    if (businessPage != null) {
      businessPage.close();
    }
  }

  @Test
  void everyVerificationEndsAsItsUserEarnedThoughPostgresPausedWhileUsersReturned()
      throws Exception {
    assumeTrue(postgres != null, "PostgreSQL runs elsewhere: its processes cannot be stopped");
    RequestBatch batch = new RequestBatch(stack.httpClientId());
    List<Request> issuedBefore = next(batch, RETURNING);
    List<Request> inFlight = next(batch, IN_FLIGHT);
    List<Request> kafkaDuring = next(batch, KAFKA_DURING);
    List<Request> httpDuring = next(batch, HTTP_DURING);
    Random draws = new Random(SEED);
    Map<String, Boolean> passes =
        issuedBefore.stream()
            .collect(Collectors.toMap(Request::requestId, r -> draws.nextDouble() < PASS_RATE));

    PauseRun run;
    IntakeDoor door = new IntakeDoor(stack.intakeUrl(), stack.httpClientToken());
    try (KafkaProducer<String, byte[]> producer = RequestBatch.producer(stack.bootstrapServers())) {
      Map<String, String> certifyIds = issueBeforeThePause(producer, door, batch, issuedBefore);
      // certifications issued from now on (for the requests that arrive during the pause) get
      // the simulator's automatic user
      stack
          .simulator()
          .setScenario(
              stack
                  .simulator()
                  .scenario()
                  .withAutoUser(UserBehaviour.after(300, PASS_RATE, 0.0).withDelayJitterMs(1_000)));
      ReturningUsers users = new ReturningUsers(stack.simulator());
      List<Callable<?>> arrivals = new ArrayList<>();
      List<Long> moments = new ArrayList<>();
      for (int i = 0; i < RETURNING; i++) {
        String id = issuedBefore.get(i).requestId();
        arrivals.add(() -> users.finishAndReturn(id, certifyIds.get(id), passes.get(id)));
        moments.add(moment(i, RETURNING, 0.75));
      }
      for (int i = 0; i < KAFKA_DURING; i++) {
        Request request = kafkaDuring.get(i);
        arrivals.add(() -> producer.send(RequestBatch.record(request)).get());
        moments.add(moment(i, KAFKA_DURING, 0.9));
      }
      Instant giveUp = Instant.now().plus(PAUSE).plus(START);
      for (int i = 0; i < HTTP_DURING; i++) {
        Request request = httpDuring.get(i);
        arrivals.add(() -> door.submit(request, giveUp));
        moments.add(moment(i, HTTP_DURING, 0.9));
      }
      for (Request request : inFlight) {
        producer.send(RequestBatch.record(request)).get();
      }
      System.out.printf(
          "pg-pause: the %d produced just before SIGSTOP, a moment before it: %s%n",
          IN_FLIGHT, statusesOf(batch.clientId(), inFlight));
      PostgresProcesses.Paused paused = pauseDuring(arrivals, moments);
      run =
          new PauseRun(
              batch,
              paused.since(),
              paused.resumedAt(),
              paused.processes(),
              users.returns(),
              door.attempts(),
              KAFKA_DURING,
              Optional.empty(),
              Optional.empty());
    }
    Instant deadline = run.resumedAt().plusSeconds(TTL_SECONDS + 60L);
    String client = batch.clientId();
    run =
        run.recovered(
            momentWhen(deadline, () -> finalAmong(client, passes.keySet()) == RETURNING),
            momentWhen(
                deadline,
                () ->
                    tables.finalCount(client) == batch.size()
                        && tables.outboxProgress(client)[1] == 0));

    SimulatorCertifications certifications =
        new SimulatorCertifications(stack.simulator().baseUrl());
    PauseChecks pauseChecks =
        new PauseChecks(tables, stack.bootstrapServers(), businessPage, certifications, run);
    pauseChecks.report();
    RecoveryTimeline.print(tables, stack.bootstrapServers(), run);
    pauseChecks.verify();
    assertThat(run.settled()).as("every request final and every event published").isPresent();
    CrashChecks.Figures figures =
        new CrashChecks(tables, certifications, stack.bootstrapServers(), stack.appId())
            .verify(batch);
    System.out.printf(
        "pg-pause: final %s, %d extra copies of delivered events on verification-results%n",
        figures.statuses(), figures.copies());
    // one certification at Alipay per verification (a second certify URL would need a second);
    // initialize calls beyond them are re-drives with the same outer_order_no (work redone)
    SimulatorStats alipay = stack.simulator().stats();
    long certificationsAtAlipay =
        alipay.certifications().values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        "pg-pause: simulator: %d certifications, %d initialize calls answered, %d queries%n",
        certificationsAtAlipay,
        alipay.count(GatewayMethods.INITIALIZE, "success"),
        alipay.total(GatewayMethods.QUERY));
    assertThat(certificationsAtAlipay).isEqualTo(batch.size());
    stack.intake().assertAlive();
    stack.worker().assertAlive();
    stack.reconciler().assertAlive();
  }

  /**
   * Sends the requests, the first {@value #POSTED_BEFORE} to intake and the rest to Kafka, and
   * waits until each is AWAITING_USER: request_id → certify_id.
   */
  private Map<String, String> issueBeforeThePause(
      KafkaProducer<String, byte[]> producer,
      IntakeDoor door,
      RequestBatch batch,
      List<Request> requests)
      throws Exception {
    Instant giveUp = Instant.now().plus(START);
    for (Request request : requests.subList(0, POSTED_BEFORE)) {
      assertThat(door.submit(request, giveUp).accepted()).as(request.requestId()).isTrue();
    }
    for (Request request : requests.subList(POSTED_BEFORE, requests.size())) {
      producer.send(RequestBatch.record(request)).get();
    }
    await("every certify URL issued before the pause")
        .atMost(START)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                tables.count(batch.clientId(), VerificationStatus.AWAITING_USER)
                    >= requests.size());
    return tables.verifications(batch.clientId()).stream()
        .collect(Collectors.toMap(VerificationRow::requestId, VerificationRow::certifyId));
  }

  /**
   * Stops PostgreSQL, runs each arrival at its moment (ms into the pause), resumes PostgreSQL when
   * the pause is over (in {@code finally}: a server left stopped would hang the build), and waits
   * for the arrivals to end: users' visits, POSTs retried until accepted, Kafka sends.
   */
  private PostgresProcesses.Paused pauseDuring(List<Callable<?>> arrivals, List<Long> moments)
      throws Exception {
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(arrivals.size());
    try {
      List<Future<?>> running = new ArrayList<>();
      PostgresProcesses.Paused paused = postgres.pause();
      try {
        for (int i = 0; i < arrivals.size(); i++) {
          running.add(timer.schedule(arrivals.get(i), moments.get(i), TimeUnit.MILLISECONDS));
        }
        // the pause is the scenario itself, not a wait for a condition
        Thread.sleep(
            Math.max(0, Duration.between(Instant.now(), paused.since().plus(PAUSE)).toMillis()));
      } finally {
        paused.close();
      }
      for (Future<?> arrival : running) {
        arrival.get(START.toMillis(), TimeUnit.MILLISECONDS);
      }
      return paused;
    } finally {
      timer.shutdownNow();
    }
  }

  /** Status → count among {@code requests}; NONE for those the worker has not recorded yet. */
  private Map<String, Long> statusesOf(String clientId, List<Request> requests) throws Exception {
    Map<String, String> status =
        tables.verifications(clientId).stream()
            .collect(Collectors.toMap(VerificationRow::requestId, v -> v.status().name()));
    return requests.stream()
        .collect(
            Collectors.groupingBy(
                r -> status.getOrDefault(r.requestId(), "NONE"),
                TreeMap::new,
                Collectors.counting()));
  }

  private List<Request> next(RequestBatch batch, int count) {
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(batch.next(people, TTL_SECONDS, businessPage::urlFor));
    }
    return requests;
  }

  /** The i-th of n moments spread evenly from 5 % of the pause to {@code until} of it, in ms. */
  private static long moment(int i, int n, double until) {
    double share = 0.05 + (until - 0.05) * i / n;
    return (long) (PAUSE.toMillis() * share);
  }

  private int finalAmong(String clientId, Set<String> requestIds) throws Exception {
    return (int)
        tables.verifications(clientId).stream()
            .filter(v -> requestIds.contains(v.requestId()) && v.status().isFinal())
            .count();
  }

  /** When the condition first held, or empty if it did not before the deadline. */
  private static Optional<Instant> momentWhen(Instant deadline, Callable<Boolean> condition) {
    try {
      await()
          .atMost(
              Duration.ofMillis(Math.max(1, Duration.between(Instant.now(), deadline).toMillis())))
          .pollInterval(Duration.ofMillis(250))
          .until(condition);
      return Optional.of(Instant.now());
    } catch (ConditionTimeoutException e) {
      return Optional.empty();
    }
  }
}
