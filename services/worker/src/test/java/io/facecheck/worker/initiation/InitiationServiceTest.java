package io.facecheck.worker.initiation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.request.ParseOutcome;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.pii.PiiCipher;
import io.facecheck.pii.PiiKeyRing;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.Failure;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.testing.Fixtures;
import io.facecheck.statemachine.testing.InMemoryVerificationStore;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.retry.RetryHeaders;
import io.facecheck.worker.retry.RetryRecord;
import io.facecheck.worker.retry.RetryRouter;
import io.facecheck.worker.retry.RetrySchedule;
import io.facecheck.worker.support.RequestJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every branch of starting a verification, on the in-memory store and fakes of Alipay and the
 * topics: no Spring, no Kafka, no PostgreSQL. The real parts are in WorkerIT and its siblings.
 */
class InitiationServiceTest {

  private static final String CALLBACK_BASE = "https://intake.example/v1/callbacks/return";

  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final InMemoryVerificationStore store = new InMemoryVerificationStore(clock);
  private final RequestParser parser = new RequestParser("a-request-hash-key".getBytes(UTF_8));
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final List<RetryRecord> retries = new ArrayList<>();
  private final FakeAlipay alipay = new FakeAlipay();
  private final InitiationSettings settings =
      new InitiationSettings(Duration.ofSeconds(60), Duration.ofMinutes(10), "worker@test");

  private final InitiationService service = service();

  private InitiationService service() {
    RetryRouter router =
        new RetryRouter(
            new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30))),
            record -> {
              retries.add(record);
              return CompletableFuture.completedFuture(null);
            },
            this::deadLetter,
            clock);
    return new InitiationService(
        parser,
        store,
        CIPHER,
        alipay,
        new RetryingStartFailures(router, store, settings.source()),
        new InvalidRequests(store, this::deadLetter, clock, settings.source(), parser::rawHash),
        this::deadLetter,
        new ReturnUrls(CALLBACK_BASE, new CallbackToken("a-callback-secret-of-at-least-32-bytes")),
        settings,
        clock);
  }

  private CompletableFuture<?> deadLetter(DeadLetter letter) {
    deadLetters.add(letter);
    return CompletableFuture.completedFuture(null);
  }

  @Test
  void aValidRequestGoesThroughInitializingToAwaitingUserWithItsCertifyUrl() {
    alipay.answers(issued("cid-1"));

    service.handle(record("r-1")).join();

    Verification v = stored("r-1");
    assertThat(v.status()).isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(v.certifyId()).isEqualTo("cid-1");
    assertThat(v.nextQueryAt()).isEqualTo(Fixtures.T0.plusSeconds(60));
    assertThat(store.timeline(v.id()))
        .extracting(t -> t.to())
        .containsExactly(
            VerificationStatus.RECEIVED,
            VerificationStatus.INITIALIZING,
            VerificationStatus.AWAITING_USER);
    assertThat(store.eventsOf(v.id())).containsExactly(ResultType.CERTIFY_URL_ISSUED);
    StartCertification sent = alipay.started.get(0);
    assertThat(sent.outerOrderNo())
        .isEqualTo(OuterOrderNumbers.of(v.id()))
        .isEqualTo(v.outerOrderNo());
    assertThat(sent.certName()).isEqualTo(Fixtures.CERT_NAME);
    assertThat(sent.certNo()).isEqualTo(Fixtures.CERT_NO);
    assertThat(sent.returnUrl()).startsWith(CALLBACK_BASE + "?token=");
    assertThat(deadLetters).isEmpty();
    assertThat(retries).isEmpty();
  }

  @Test
  void aNewVerificationIsStoredInitializingInOneWriteBeforeAlipayIsCalled() {
    alipay.answers(issued("cid-1"));
    List<Verification> seenByAlipay = new ArrayList<>();
    List<Integer> appliesBeforeAlipay = new ArrayList<>();
    alipay.onStart(
        command -> {
          seenByAlipay.add(store.findByRequest("loan-service", "r-one").orElseThrow());
          appliesBeforeAlipay.add(store.applyCalls());
        });

    service.handle(record("r-one")).join();

    // RECEIVED and INITIALIZING came from one createThen (one transaction on PostgreSQL), not
    // from create and then a compare-and-set: no apply before Alipay, one after (AWAITING_USER)
    assertThat(appliesBeforeAlipay).containsExactly(0);
    assertThat(store.applyCalls()).isEqualTo(1);
    Verification atCall = seenByAlipay.get(0);
    assertThat(atCall.status()).isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(atCall.outerOrderNo()).isEqualTo(OuterOrderNumbers.of(atCall.id()));
    assertThat(store.timeline(atCall.id()))
        .extracting(t -> t.from(), t -> t.to())
        .containsExactly(
            tuple(null, VerificationStatus.RECEIVED),
            tuple(VerificationStatus.RECEIVED, VerificationStatus.INITIALIZING),
            tuple(VerificationStatus.INITIALIZING, VerificationStatus.AWAITING_USER));
  }

  @Test
  void aRowLeftReceivedIsStillMovedOnByARedelivery() {
    alipay.answers(issued("cid-1"));
    receivedOnly("r-left");

    service.handle(record("r-left")).join();

    Verification v = stored("r-left");
    assertThat(v.status()).isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(store.timeline(v.id()))
        .extracting(t -> t.to())
        .containsExactly(
            VerificationStatus.RECEIVED,
            VerificationStatus.INITIALIZING,
            VerificationStatus.AWAITING_USER);
    assertThat(alipay.started).hasSize(1);
  }

  @Test
  void theFirstQueryIsNeverDueAfterExpiry() {
    alipay.answers(issued("cid-1"));
    receivedOnly("r-late");
    clock.advance(Duration.ofSeconds(899)); // the worker gets to it one second before expiry

    service.handle(record("r-late")).join();

    Verification v = stored("r-late");
    assertThat(v.nextQueryAt()).isEqualTo(v.expiresAt());
  }

  @Test
  void aRecordThatIsNoJsonIsDeadLetteredAndStoresNothing() {
    service.handle(raw("not json".getBytes(UTF_8))).join();

    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.deadLetterTopic()).isEqualTo(Topics.REQUESTS_DLT);
              assertThat(l.reason()).isEqualTo(DeadLetterReason.INVALID_JSON);
            });
    assertThat(store.all()).isEmpty();
    assertThat(alipay.started).isEmpty();
  }

  @Test
  void anInvalidRequestWithItsIdsEndsRejectedNamingTheField() {
    byte[] http =
        new String(
                RequestJson.request("loan-service", "r-bad", Fixtures.CERT_NAME, Fixtures.CERT_NO),
                UTF_8)
            .replace("https://loan.example", "http://loan.example")
            .getBytes(UTF_8);

    service.handle(raw(http)).join();

    Verification v = stored("r-bad");
    assertThat(v.status()).isEqualTo(VerificationStatus.REJECTED);
    assertThat(v.failure().code()).isEqualTo(Failure.INVALID_REQUEST);
    assertThat(v.failure().field()).isEqualTo("/return_url");
    assertThat(store.eventsOf(v.id())).containsExactly(ResultType.REJECTED);
    assertThat(alipay.started).isEmpty();
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void theSameIdsWithAnotherPayloadAreDeadLetteredAsAConflictWithoutTheirPii() {
    alipay.answers(issued("cid-1"));
    service.handle(record("r-twice")).join();
    byte[] other = RequestJson.request("loan-service", "r-twice", "李四", Fixtures.CERT_NO);

    service.handle(raw(other)).join();

    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.reason()).isEqualTo(DeadLetterReason.IDEMPOTENCY_CONFLICT);
              assertThat(l.message()).contains(stored("r-twice").id().toString());
              assertThat(l.message()).doesNotContain("李四").doesNotContain(Fixtures.CERT_NO);
            });
    assertThat(alipay.started).hasSize(1);
    assertThat(store.all()).hasSize(1);
  }

  @Test
  void anAppNobodyConfiguredEndsRejectedWithoutCallingAlipay() {
    byte[] unknownApp =
        RequestJson.request("loan-service", "r-app", Fixtures.CERT_NAME, Fixtures.CERT_NO, "other");

    service.handle(raw(unknownApp)).join();

    Verification v = stored("r-app");
    assertThat(v.status()).isEqualTo(VerificationStatus.REJECTED);
    assertThat(v.failure().code()).isEqualTo("UNKNOWN_APP");
    assertThat(v.failure().field()).isEqualTo("/app");
    assertThat(store.eventsOf(v.id())).containsExactly(ResultType.REJECTED);
    assertThat(alipay.started).isEmpty();
  }

  @Test
  void aRedeliveryOfAStartedVerificationChangesNothingAndCallsNobody() {
    alipay.answers(issued("cid-1"));
    service.handle(record("r-again")).join();

    service.handle(record("r-again")).join();

    assertThat(alipay.started).hasSize(1);
    assertThat(store.timeline(stored("r-again").id())).hasSize(3);
    assertThat(store.outbox()).hasSize(1);
  }

  @Test
  void aRedeliveryAfterACrashInInitializingCallsAlipayAgainWithTheSameOrderNumber() {
    alipay.answers(issued("cid-1"));
    alipay.onStart(
        command -> {
          throw new IllegalStateException("crash while Alipay was called");
        });
    try {
      service.handle(record("r-crash")).join();
    } catch (IllegalStateException expected) {
      // the worker died here: INITIALIZING is committed, the record is redelivered
    }
    String firstOrder = alipay.started.get(0).outerOrderNo();
    assertThat(stored("r-crash").status()).isEqualTo(VerificationStatus.INITIALIZING);
    alipay.onStart(command -> {});

    service.handle(record("r-crash")).join();

    assertThat(alipay.started)
        .extracting(StartCertification::outerOrderNo)
        .containsExactly(firstOrder, firstOrder);
    assertThat(stored("r-crash").status()).isEqualTo(VerificationStatus.AWAITING_USER);
  }

  @Test
  void aRecordReachedAfterExpiryBeforeItStartedEndsExpiredWithoutCallingAlipay() {
    Verification received = receivedOnly("r-expired");
    clock.advance(Duration.ofSeconds(900));

    service.handle(record("r-expired")).join();

    Verification v = stored("r-expired");
    assertThat(v.status()).isEqualTo(VerificationStatus.EXPIRED);
    assertThat(v.id()).isEqualTo(received.id());
    assertThat(v.outerOrderNo()).isNull();
    assertThat(store.eventsOf(v.id())).containsExactly(ResultType.EXPIRED);
    assertThat(alipay.started).isEmpty();
  }

  @Test
  void aVerificationLeftInitializingPastItsExpiryEndsExpiredWithoutCallingAlipay() {
    Verification received = receivedOnly("r-init-expired");
    assertThat(store.apply(received.markInitializing(OuterOrderNumbers.of(received.id())), "w"))
        .isTrue();
    clock.advance(Duration.ofSeconds(901));

    service.handle(record("r-init-expired")).join();

    assertThat(stored("r-init-expired").status()).isEqualTo(VerificationStatus.EXPIRED);
    assertThat(alipay.started).isEmpty();
  }

  @Test
  void aLostCompareAndSetIsReadAgainAndDecidedAgain() {
    alipay.answers(issued("cid-1"));
    receivedOnly("r-race");
    store.failNextApply(); // another writer touches the row just before RECEIVED -> INITIALIZING

    service.handle(record("r-race")).join();

    assertThat(stored("r-race").status()).isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(alipay.started).hasSize(1);
  }

  @Test
  void aCopyThatLostTheRaceWhileAlipayAnsweredLeavesTheWinnersCertification() {
    alipay.answers(issued("cid-mine"));
    alipay.onStart(
        command -> {
          // a redelivered copy of the record finished first, with its own answer
          Verification v = store.findByRequest("loan-service", "r-twin").orElseThrow();
          store.apply(
              v.markAwaitingUser("cid-twin", "https://a.example/twin", clock.instant()), "w2");
        });

    service.handle(record("r-twin")).join();

    Verification v = stored("r-twin");
    assertThat(v.certifyId()).isEqualTo("cid-twin");
    assertThat(store.eventsOf(v.id())).containsExactly(ResultType.CERTIFY_URL_ISSUED);
  }

  @Test
  void alipayRefusingTheRequestEndsRejectedWithItsSubCode() {
    alipay.answers(new AlipayOutcome.Rejected<>("CERT_NO_INVALID"));

    service.handle(record("r-refused")).join();

    Verification v = stored("r-refused");
    assertThat(v.status()).isEqualTo(VerificationStatus.REJECTED);
    assertThat(v.failure().code()).isEqualTo("CERT_NO_INVALID");
    assertThat(store.eventsOf(v.id())).containsExactly(ResultType.REJECTED);
  }

  @Test
  void aTransientFailureGoesToTheFirstRetryTopicMaskedAndStaysInitializing() {
    alipay.answers(new AlipayOutcome.Retryable<>("connect timeout for " + Fixtures.CERT_NO));

    service.handle(record("r-transient")).join();

    assertThat(stored("r-transient").status()).isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(retries)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.topic()).startsWith(Topics.REQUESTS_RETRY_PREFIX);
              assertThat(r.hop()).isEqualTo(1);
              assertThat(r.attempts()).isEqualTo(3);
              assertThat(r.dueAt()).isEqualTo(Fixtures.T0.plusSeconds(5));
              assertThat(r.message()).doesNotContain(Fixtures.CERT_NO);
            });
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void anUnknownOutcomeIsRetriedLikeATransientOne() {
    alipay.answers(new AlipayOutcome.Unknown<>("read timeout"));

    service.handle(record("r-unknown")).join();

    assertThat(retries).singleElement().satisfies(r -> assertThat(r.hop()).isEqualTo(1));
    assertThat(stored("r-unknown").status()).isEqualTo(VerificationStatus.INITIALIZING);
  }

  @Test
  void anOutageParksTheRecordUntilTheBreakerLetsCallsThroughSpendingNoHop() {
    Instant retryAfter = Fixtures.T0.plusSeconds(40);
    alipay.answers(new AlipayOutcome.Unavailable<>("circuit open", retryAfter));

    service.handle(record("r-outage")).join();

    assertThat(retries)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.hop()).isZero();
              assertThat(r.dueAt()).isEqualTo(retryAfter);
            });
    assertThat(stored("r-outage").status()).isEqualTo(VerificationStatus.INITIALIZING);
  }

  @Test
  void aConfigurationErrorIsDeadLetteredThenTheVerificationParked() {
    alipay.answers(new AlipayOutcome.ProviderConfig<>("isv.invalid-signature", "bad key"));

    service.handle(record("r-config")).join();

    assertThat(deadLetters)
        .singleElement()
        .satisfies(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.PROVIDER_CONFIG));
    Verification v = stored("r-config");
    assertThat(v.status()).isEqualTo(VerificationStatus.DEAD_LETTERED);
    assertThat(v.deadLetter().returnsTo()).isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(store.eventsOf(v.id())).isEmpty();
  }

  @Test
  void anAppDroppedWhileTheVerificationWasInitializingIsAConfigurationError() {
    Verification received = receivedOnly("r-dropped");
    store.apply(received.markInitializing(OuterOrderNumbers.of(received.id())), "w");
    alipay.forgetEveryApp();

    service.handle(record("r-dropped")).join();

    assertThat(alipay.started).isEmpty();
    assertThat(deadLetters)
        .singleElement()
        .satisfies(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.PROVIDER_CONFIG));
    assertThat(stored("r-dropped").status()).isEqualTo(VerificationStatus.DEAD_LETTERED);
  }

  @Test
  void aParkedVerificationIsResumedOnlyByAReplayOpsAskedFor() {
    Verification parked = parked("r-parked");

    service.handle(record("r-parked")).join(); // a redelivery, or a forged resend
    assertThat(stored("r-parked").status()).isEqualTo(VerificationStatus.DEAD_LETTERED);
    assertThat(alipay.started).isEmpty();

    assertThat(store.requestReplay(parked.id(), parked.version(), "ops@test")).isTrue();
    service.handle(fromRetryTopic(record("r-parked"))).join(); // a stale retry: still not
    assertThat(stored("r-parked").status()).isEqualTo(VerificationStatus.DEAD_LETTERED);

    alipay.answers(issued("cid-resumed"));
    service.handle(record("r-parked")).join(); // the replay ops published

    Verification v = stored("r-parked");
    assertThat(v.status()).isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(v.outerOrderNo()).isEqualTo(parked.outerOrderNo());
    assertThat(alipay.started)
        .singleElement()
        .satisfies(c -> assertThat(c.outerOrderNo()).isEqualTo(parked.outerOrderNo()));
  }

  private static final PiiCipher CIPHER =
      new PiiCipher(
          PiiKeyRing.of("k1", Map.of("k1", "0123456789abcdef0123456789abcdef".getBytes())));

  /** Stored by intake (RECEIVED), not yet seen by the worker. */
  private Verification receivedOnly(String requestId) {
    ParseOutcome.Valid valid = (ParseOutcome.Valid) parser.parse(record(requestId).value());
    NewVerification nv =
        NewVerification.seal(valid.request(), valid.canonicalHash(), CIPHER, clock);
    return ((CreateOutcome.Created) store.create(nv, "intake")).verification();
  }

  /** Parked by a configuration error while INITIALIZING. */
  private Verification parked(String requestId) {
    Verification received = receivedOnly(requestId);
    StatusChange init = received.markInitializing(OuterOrderNumbers.of(received.id()));
    store.apply(init, "w");
    store.apply(init.after().markDeadLettered("PROVIDER_CONFIG"), "w");
    return stored(requestId);
  }

  private static OriginalRecord fromRetryTopic(OriginalRecord record) {
    return new OriginalRecord(
        Topics.REQUESTS_RETRY_PREFIX + "5s",
        0,
        1,
        record.key(),
        record.value(),
        List.of(new OriginalRecord.Header(RetryHeaders.HOP, "1".getBytes(UTF_8))));
  }

  private Verification stored(String requestId) {
    return store.findByRequest("loan-service", requestId).orElseThrow();
  }

  private static OriginalRecord record(String requestId) {
    return raw(
        RequestJson.request("loan-service", requestId, Fixtures.CERT_NAME, Fixtures.CERT_NO));
  }

  private static OriginalRecord raw(byte[] value) {
    return new OriginalRecord(Topics.REQUESTS, 0, 7, "k".getBytes(UTF_8), value, List.of());
  }

  static AlipayOutcome<IssuedCertification> issued(String certifyId) {
    return new AlipayOutcome.Succeeded<>(
        new IssuedCertification(
            certifyId, "https://openapi.alipay.example/certify?id=" + certifyId));
  }

  /** Alipay's initialize for the app "default" only, answering from a queue. */
  static final class FakeAlipay implements CertificationStarter {
    final List<StartCertification> started = new ArrayList<>();
    private final Deque<AlipayOutcome<IssuedCertification>> answers = new ArrayDeque<>();
    private Set<String> apps = Set.of("default");
    private Consumer<StartCertification> onStart = command -> {};

    void answers(AlipayOutcome<IssuedCertification> outcome) {
      answers.add(outcome);
    }

    void onStart(Consumer<StartCertification> action) {
      onStart = action;
    }

    void forgetEveryApp() {
      apps = Set.of();
    }

    @Override
    public boolean knowsApp(String app) {
      return apps.contains(app);
    }

    @Override
    public AttemptedCall<IssuedCertification> start(StartCertification command) {
      started.add(command);
      onStart.accept(command);
      if (answers.isEmpty()) {
        throw new IllegalStateException("the test queued no answer");
      }
      // the last answer repeats, as Alipay's would for the same outer_order_no
      AlipayOutcome<IssuedCertification> outcome =
          answers.size() > 1 ? answers.poll() : answers.peek();
      boolean failed = !(outcome instanceof AlipayOutcome.Succeeded<?>);
      Instant at = failed ? Instant.parse("2026-11-26T10:00:01Z") : null;
      return new AttemptedCall<>(outcome, failed ? 3 : 1, at, at);
    }
  }
}
