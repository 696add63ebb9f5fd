package io.facecheck.worker.initiation;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.request.ParseOutcome;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.contracts.request.VerificationRequest;
import io.facecheck.pii.PiiCipher;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.Failure;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.tracing.LogCorrelation;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.DeadLetters;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.deadletter.PiiMask;
import io.facecheck.worker.retry.RetryHistory;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a verification from one verification-requests record: parse, deduplicate, seal the PII,
 * RECEIVED and INITIALIZING with the outer_order_no (one commit, before Alipay is called),
 * initialize, AWAITING_USER with the certify URL. Idempotent: a redelivered record resumes where
 * the last attempt stopped, a replay ops asked for resumes a DEAD_LETTERED verification, one
 * reached past its expires_at before it started ends EXPIRED, and a settled verification is left
 * alone.
 */
public final class InitiationService {

  private static final Logger log = LoggerFactory.getLogger(InitiationService.class);
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
  private static final int MAX_ROUNDS = 5;

  private final RequestParser parser;
  private final VerificationStore store;
  private final PiiCipher cipher;
  private final CertificationStarter starter;
  private final StartFailureRouter failures;
  private final InvalidRequests invalidRequests;
  private final DeadLetters deadLetters;
  private final ReturnUrls returnUrls;
  private final InitiationSettings settings;
  private final Clock clock;

  public InitiationService(
      RequestParser parser,
      VerificationStore store,
      PiiCipher cipher,
      CertificationStarter starter,
      StartFailureRouter failures,
      InvalidRequests invalidRequests,
      DeadLetters deadLetters,
      ReturnUrls returnUrls,
      InitiationSettings settings,
      Clock clock) {
    this.parser = parser;
    this.store = store;
    this.cipher = cipher;
    this.starter = starter;
    this.failures = failures;
    this.invalidRequests = invalidRequests;
    this.deadLetters = deadLetters;
    this.returnUrls = returnUrls;
    this.settings = settings;
    this.clock = clock;
  }

  /** Handles one record; the future completes when its side effects are acknowledged. */
  public CompletableFuture<?> handle(OriginalRecord record) {
    ParseOutcome parsed = parser.parse(record.value());
    if (parsed instanceof ParseOutcome.Unparseable unparseable) {
      return deadLetter(record, unparseable.reason(), PiiMask.mask(unparseable.detail()));
    }
    if (parsed instanceof ParseOutcome.Invalid invalid) {
      return invalidRequests.handle(record, invalid);
    }
    ParseOutcome.Valid valid = (ParseOutcome.Valid) parsed;
    VerificationRequest request = valid.request();
    LogCorrelation.request(request.clientId(), request.requestId());
    NewVerification draft = NewVerification.seal(request, valid.canonicalHash(), cipher, clock);
    // RECEIVED and its first move (INITIALIZING with the outer_order_no, or REJECTED for an
    // unknown app) in one transaction: one commit instead of two, INITIALIZING still committed
    // before Alipay is called and the timeline still reads RECEIVED -> INITIALIZING
    CreateOutcome created =
        store.createThen(draft, received -> firstMove(received, request), settings.source());
    if (created instanceof CreateOutcome.Conflict conflict) {
      return deadLetter(
          record,
          DeadLetterReason.IDEMPOTENCY_CONFLICT,
          "client_id "
              + request.clientId()
              + ", request_id "
              + request.requestId()
              + " was received before with a different payload (verification "
              + conflict.existingId()
              + ")");
    }
    Verification verification =
        created instanceof CreateOutcome.Created c
            ? c.verification()
            : ((CreateOutcome.Existing) created).verification();
    LogCorrelation.verification(verification.id());
    return advance(verification, request, record);
  }

  private CompletableFuture<?> advance(
      Verification verification, VerificationRequest request, OriginalRecord record) {
    Verification current = verification;
    for (int round = 0; round < MAX_ROUNDS && current != null; round++) {
      if (notStartedAndExpired(current)) {
        // nobody could finish it any more: never initialize past expires_at (a late redelivery
        // or replay); EXPIRED is final and its event tells the caller
        current = applyOrReread(current, current.markExpiredBeforeStart(clock.instant()));
        continue;
      }
      if (current.status() == VerificationStatus.INITIALIZING) {
        return initialize(current, request, record);
      }
      if (current.status() == VerificationStatus.DEAD_LETTERED) {
        if (RetryHistory.of(record).fromRetryTopic() || !store.replayRequested(current)) {
          // a stale retry, a redelivery or a resend of a verification parked for ops: only a
          // replay ops asked for in the database (bound to this version) resumes it; anyone who
          // can produce to the topic could forge the record and its headers, not that row
          return DONE;
        }
        // the ops replay: back to the status it left, then on from there with the same
        // outer_order_no
        current = applyOrReread(current, current.resumeFromDeadLetter(clock.instant()));
        continue;
      }
      if (current.status() != VerificationStatus.RECEIVED) {
        return DONE; // settled or waiting for the user: nothing to redo, nothing to publish
      }
      // RECEIVED without its first move: resumed from a dead letter, or stored by a worker that
      // wrote the two apart (before createThen)
      current = applyOrReread(current, firstMove(current, request));
    }
    return DONE;
  }

  /** RECEIVED's way on: INITIALIZING with its outer_order_no, or REJECTED for an unknown app. */
  private StatusChange firstMove(Verification received, VerificationRequest request) {
    return starter.knowsApp(request.app())
        ? received.markInitializing(OuterOrderNumbers.of(received.id()))
        : received.markRejected(
            Failure.UNKNOWN_APP,
            "/app",
            "no Alipay app named '" + request.app() + "' is configured");
  }

  private boolean notStartedAndExpired(Verification current) {
    boolean notStarted =
        current.status() == VerificationStatus.RECEIVED
            || current.status() == VerificationStatus.INITIALIZING;
    return notStarted
        && current.expiresAt() != null
        && !clock.instant().isBefore(current.expiresAt());
  }

  private CompletableFuture<?> initialize(
      Verification verification, VerificationRequest request, OriginalRecord record) {
    VerificationRequest.Identity identity = request.identity();
    if (!starter.knowsApp(request.app())) {
      // configured when it went INITIALIZING, gone since (a deployment dropped the app): a
      // configuration error ops must fix and replay, not a reason to stall the partition
      String message = "no Alipay app named '" + request.app() + "' is configured any more";
      return failures.configurationFailure(
          verification,
          record,
          new AttemptedCall<>(
              new AlipayOutcome.ProviderConfig<>("CLIENT", message),
              0,
              clock.instant(),
              clock.instant()),
          message);
    }
    StartCertification command =
        new StartCertification(
            request.app(),
            verification.outerOrderNo(),
            request.bizCode(),
            identity.certType(),
            identity.certName(),
            identity.certNo(),
            returnUrls.forVerification(
                verification.id(),
                verification.expiresAt().plus(settings.callbackGrace()),
                request.returnUrl()));
    AttemptedCall<IssuedCertification> call = starter.start(command);
    AlipayOutcome<IssuedCertification> outcome = call.outcome();
    if (outcome.worthRetrying() || outcome instanceof AlipayOutcome.Unavailable) {
      return failures.transientFailure(
          verification, record, call, masked(outcome.detail(), identity));
    }
    if (outcome instanceof AlipayOutcome.ProviderConfig) {
      return failures.configurationFailure(
          verification, record, call, masked(outcome.detail(), identity));
    }
    Verification current = verification;
    for (int round = 0; round < MAX_ROUNDS && current != null; round++) {
      if (current.status() != VerificationStatus.INITIALIZING) {
        return DONE;
      }
      current = applyOrReread(current, settle(current, outcome));
    }
    return DONE;
  }

  private StatusChange settle(Verification current, AlipayOutcome<IssuedCertification> outcome) {
    if (outcome instanceof AlipayOutcome.Succeeded<IssuedCertification> succeeded) {
      IssuedCertification issued = succeeded.value();
      return current.markAwaitingUser(
          issued.certifyId(),
          issued.certifyUrl(),
          settings.firstQueryAt(clock.instant(), current.expiresAt()));
    }
    String subCode = ((AlipayOutcome.Rejected<?>) outcome).subCode();
    return current.markRejected(
        subCode, null, "Alipay refused to start the verification (sub_code " + subCode + ")");
  }

  /** The changed verification, or the re-read one when someone else moved it first. */
  private Verification applyOrReread(Verification current, StatusChange change) {
    if (store.apply(change, settings.source())) {
      VerificationStatus now = change.after().status();
      log.debug("{} -> {}", current.status(), now);
      boolean more = now == VerificationStatus.INITIALIZING || now == VerificationStatus.RECEIVED;
      return more ? change.after() : null;
    }
    return store.find(current.id()).orElse(null);
  }

  private CompletableFuture<?> deadLetter(
      OriginalRecord record, DeadLetterReason reason, String message) {
    return deadLetters.publish(
        DeadLetter.once(Topics.REQUESTS_DLT, record, reason, message, clock.instant()));
  }

  private static String masked(String detail, VerificationRequest.Identity identity) {
    return PiiMask.mask(detail, identity.certName(), identity.certNo());
  }
}
