package io.facecheck.statemachine.jdbc;

import static io.facecheck.statemachine.jdbc.Timestamps.toDb;

import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Change;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.NewRejection;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.ResultEventFactory;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Submission;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link VerificationStore} on PostgreSQL. Each method is one transaction (or joins the caller's);
 * updates are compare-and-set on {@code version}. Constructed explicitly, never scanned.
 */
public final class JdbcVerificationStore implements VerificationStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final TimelineWriter timeline;
  private final OutboxWriter outbox;
  private final DueQueryClaims dueQueries;
  private final CompareAndSet compareAndSet;
  private final VerificationTraceSource creationTraces;

  public JdbcVerificationStore(
      DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
    this(dataSource, transactions, clock, OutboxTraceSource.NONE);
  }

  /**
   * @param traces the trace context stored with each outbox row, so the relay's publish continues
   *     the trace of the change that produced the event
   */
  public JdbcVerificationStore(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      Clock clock,
      OutboxTraceSource traces) {
    this(dataSource, transactions, clock, traces, VerificationTraceSource.NONE);
  }

  /**
   * @param traces the trace context stored with each outbox row, so the relay's publish continues
   *     the trace of the change that produced the event
   * @param creationTraces the trace context stored with each verification created, so later work
   *     about it (the user's return, ladder queries) continues the trace it was created in
   */
  public JdbcVerificationStore(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      Clock clock,
      OutboxTraceSource traces,
      VerificationTraceSource creationTraces) {
    this.creationTraces = creationTraces;
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
    this.timeline = new TimelineWriter(jdbc);
    this.outbox = new OutboxWriter(jdbc, traces);
    this.dueQueries = new DueQueryClaims(jdbc);
    this.compareAndSet = new CompareAndSet(jdbc, traces);
  }

  /** For callers without a transaction manager of their own (tools, tests). */
  public static JdbcVerificationStore of(DataSource dataSource, Clock clock) {
    return new JdbcVerificationStore(
        dataSource, new DataSourceTransactionManager(dataSource), clock);
  }

  @Override
  public CreateOutcome create(NewVerification nv, String source) {
    return tx.execute(
        status -> {
          Instant now = clock.instant();
          Optional<Verification> created = insert(nv, nv.received(now), now);
          if (created.isEmpty()) {
            return existingOrConflict(nv.submission());
          }
          timeline.append(
              nv.id(),
              null,
              VerificationStatus.RECEIVED,
              Causes.REQUEST_RECEIVED,
              source,
              now,
              Map.of());
          return new CreateOutcome.Created(created.get());
        });
  }

  /**
   * The row is inserted as it is after the move (one INSERT, no UPDATE of a row this transaction
   * just wrote), and both timeline rows go in one statement: two statements, one commit, where
   * {@link #create} and then {@link #apply} take five statements and two commits.
   */
  @Override
  public CreateOutcome createThen(
      NewVerification nv, Function<Verification, StatusChange> first, String source) {
    return tx.execute(
        status -> {
          Instant now = clock.instant();
          Verification received = nv.received(now);
          StatusChange move = first.apply(received);
          if (!move.before().equals(received)) {
            throw new IllegalArgumentException("the first move must start from the RECEIVED row");
          }
          Optional<Verification> created = insert(nv, move.after(), now);
          if (created.isEmpty()) {
            return existingOrConflict(nv.submission());
          }
          timeline.append(
              nv.id(),
              source,
              now,
              List.of(
                  new TimelineWriter.Entry(
                      null, VerificationStatus.RECEIVED, Causes.REQUEST_RECEIVED, Map.of()),
                  new TimelineWriter.Entry(move.from(), move.to(), move.cause(), move.details())));
          Verification after = created.get();
          move.resultEvent()
              .ifPresent(
                  type ->
                      outbox.append(
                          ResultEventFactory.build(after, type, now), after.submission()));
          return new CreateOutcome.Created(after);
        });
  }

  @Override
  public CreateOutcome createRejected(NewRejection rejection, String source) {
    return tx.execute(
        status -> {
          Instant now = clock.instant();
          StatusChange rejected = rejection.toChange(now);
          Verification after = rejected.after();
          if (insertRejected(after, now) == 1) {
            timeline.append(
                after.id(),
                null,
                VerificationStatus.RECEIVED,
                Causes.REQUEST_RECEIVED,
                source,
                now,
                Map.of());
            timeline.append(
                after.id(),
                rejected.from(),
                rejected.to(),
                rejected.cause(),
                source,
                now,
                rejected.details());
            rejected
                .resultEvent()
                .ifPresent(
                    type ->
                        outbox.append(
                            ResultEventFactory.build(after, type, now), after.submission()));
            return new CreateOutcome.Created(find(after.id()).orElseThrow());
          }
          return existingOrConflict(after.submission());
        });
  }

  /** The key exists (perhaps inserted by a concurrent twin, whose commit we waited for). */
  private CreateOutcome existingOrConflict(Submission s) {
    Verification existing = findByRequest(s.clientId(), s.requestId()).orElseThrow();
    return existing.submission().requestHash().equals(s.requestHash())
        ? new CreateOutcome.Existing(existing)
        : new CreateOutcome.Conflict(existing.id());
  }

  private int insertRejected(Verification v, Instant now) {
    Submission s = v.submission();
    return jdbc.sql(
            "INSERT INTO verifications (id, client_id, request_id, request_hash, status, version,"
                + " error_code, error_field, error_message, created_at, updated_at, trace_parent)"
                + " VALUES (:id, :clientId, :requestId, :hash, 'REJECTED', :version, :code,"
                + " :field, :message, :now, :now, :traceParent)"
                + " ON CONFLICT (client_id, request_id) DO NOTHING")
        .param("id", v.id())
        .param("clientId", s.clientId())
        .param("requestId", s.requestId())
        .param("hash", s.requestHash())
        .param("version", v.version())
        .param("code", v.failure().code())
        .param("field", v.failure().field())
        .param("message", v.failure().message())
        .param("now", toDb(now))
        .param("traceParent", creationTraces.current())
        .update();
  }

  /**
   * Inserts {@code row} (RECEIVED, or already moved on by {@link #createThen}) with the sealed PII
   * of {@code nv}, returning it as stored (no read after the write); empty when the idempotency key
   * exists already.
   */
  private Optional<Verification> insert(NewVerification nv, Verification row, Instant now) {
    Submission s = nv.submission();
    return MutableColumns.bind(
            jdbc.sql(
                    "INSERT INTO verifications (id, client_id, request_id, request_hash, status, version,"
                        + " biz_code, app, return_url, ttl_seconds, metadata, cert_type,"
                        + " cert_name_ciphertext, cert_no_ciphertext, pii_key_id, outer_order_no,"
                        + " certify_id, certify_url, next_query_at, query_attempts, last_query_at,"
                        + " user_returned_at, error_code, error_field, error_message,"
                        + " status_before_dead_letter, dead_letter_reason, expires_at, created_at,"
                        + " updated_at, trace_parent)"
                        + " VALUES (:id, :clientId, :requestId, :hash, :status, :version, :bizCode, :app,"
                        + " :returnUrl, :ttl, CAST(:metadata AS jsonb), :certType, :certName, :certNo,"
                        + " :keyId, :outerOrderNo, :certifyId, :certifyUrl, :nextQueryAt, :queryAttempts,"
                        + " :lastQueryAt, :userReturnedAt, :errorCode, :errorField, :errorMessage, :left,"
                        + " :deadLetterReason, :expiresAt, :now, :now, :traceParent)"
                        + " ON CONFLICT (client_id, request_id) DO NOTHING RETURNING "
                        + VerificationRows.COLUMNS)
                .param("id", nv.id())
                .param("clientId", s.clientId())
                .param("requestId", s.requestId())
                .param("hash", s.requestHash())
                .param("status", row.status().name())
                .param("version", row.version())
                .param("bizCode", s.bizCode().name())
                .param("app", s.app())
                .param("returnUrl", s.returnUrl())
                .param("ttl", s.ttlSeconds())
                .param("metadata", JsonColumns.write(s.metadata()))
                .param("certType", nv.identity().certType().name())
                .param("certName", nv.identity().certName().ciphertext())
                .param("certNo", nv.identity().certNo().ciphertext())
                .param("keyId", nv.identity().keyId()),
            row)
        .param("expiresAt", toDb(row.expiresAt()))
        .param("now", toDb(now))
        .param("traceParent", creationTraces.current())
        .query(VerificationRows.MAPPER)
        .optional();
  }

  @Override
  public Optional<Verification> find(UUID id) {
    return jdbc.sql("SELECT " + VerificationRows.COLUMNS + " FROM verifications WHERE id = :id")
        .param("id", id)
        .query(VerificationRows.MAPPER)
        .optional();
  }

  @Override
  public Optional<Verification> findByRequest(String clientId, String requestId) {
    return jdbc.sql(
            "SELECT "
                + VerificationRows.COLUMNS
                + " FROM verifications WHERE client_id = :clientId AND request_id = :requestId")
        .param("clientId", clientId)
        .param("requestId", requestId)
        .query(VerificationRows.MAPPER)
        .optional();
  }

  @Override
  public boolean apply(Change change, String source) {
    return compareAndSet.apply(change, source, clock.instant());
  }

  @Override
  public boolean recordNote(UUID id, String cause, String source, Map<String, String> details) {
    Causes.require(cause);
    return timeline.note(id, cause, source, clock.instant(), details == null ? Map.of() : details);
  }

  @Override
  public List<Verification> claimDueQueries(Instant now, int limit, Duration lease) {
    return tx.execute(status -> dueQueries.claim(now, limit, lease));
  }

  @Override
  public boolean requestReplay(UUID id, long version, String source) {
    return jdbc.sql(
                    "INSERT INTO replay_requests (verification_id, version, requested_by, requested_at)"
                        + " SELECT id, version, :source, :now FROM verifications"
                        + " WHERE id = :id AND version = :version AND status = 'DEAD_LETTERED'"
                        + " ON CONFLICT (verification_id, version) DO NOTHING")
                .param("source", source)
                .param("now", toDb(clock.instant()))
                .param("id", id)
                .param("version", version)
                .update()
            == 1
        || replayRequested(id, version);
  }

  @Override
  public boolean replayRequested(Verification verification) {
    return verification.status() == VerificationStatus.DEAD_LETTERED
        && replayRequested(verification.id(), verification.version());
  }

  private boolean replayRequested(UUID id, long version) {
    return jdbc.sql(
                "SELECT count(*) FROM replay_requests WHERE verification_id = :id AND version = :v")
            .param("id", id)
            .param("v", version)
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public List<Transition> timeline(UUID id) {
    return timeline.read(id);
  }
}
