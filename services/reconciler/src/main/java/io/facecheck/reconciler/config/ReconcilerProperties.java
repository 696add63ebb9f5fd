package io.facecheck.reconciler.config;

import io.facecheck.reconciler.ladder.FinalQueryLimit;
import io.facecheck.reconciler.ladder.LadderSchedule;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code facecheck.reconciler.*}, with their defaults in one place.
 *
 * @param ladder query offsets after receipt (the worker schedules the first query itself, its
 *     first-query-delay); a final query follows at expiry (docs/architecture.md, Ladder and
 *     decisions)
 * @param finalRetry how long after an unanswered final query it is sent again
 * @param ladderInterval pause between two scans for due queries
 * @param ladderBatch at most this many verifications claimed per scan
 * @param claimLease how long a claimed verification stays invisible to other scans; a reconciler
 *     that dies between claiming and publishing is replaced after this
 * @param relayInterval pause between two outbox polls when the last one found nothing to do
 * @param relayBatch at most this many outbox rows per poll
 * @param relayLockKey the PostgreSQL advisory lock key that elects the one active relay
 * @param relayStandbyInterval how often a standby relay tries to take the lock
 * @param source who writes timeline entries, e.g. reconciler@host-1
 * @param finalQueryAttempts final queries (at expires_at, then every finalRetry) before a
 *     verification nobody answered is parked as DEAD_LETTERED (FINAL_QUERY_UNANSWERED)
 * @param callbackRequeryAfter how long after a user's first return a repeated return may ask Alipay
 *     once more (only once)
 * @param transientRetries how often a record whose handling failed for an unclear reason is retried
 *     (1 s, 2 s, 4 s, … apart) before it goes to its dead-letter topic as RETRIES_EXHAUSTED
 * @param databaseOutagePatience how long a partition waits for an unreachable PostgreSQL, retrying
 *     its record (1 s up to 30 s apart), before that record is dead-lettered as RETRIES_EXHAUSTED
 * @param deadLetterSendTimeout how long a dead letter may wait for Kafka's acknowledgement
 * @param topicPartitions partitions of the dead-letter topics, when they are created here
 */
@ConfigurationProperties("facecheck.reconciler")
public record ReconcilerProperties(
    @DefaultValue({"1m", "3m", "10m"}) List<Duration> ladder,
    @DefaultValue("2m") Duration finalRetry,
    @DefaultValue("500ms") Duration ladderInterval,
    @DefaultValue("200") int ladderBatch,
    @DefaultValue("30s") Duration claimLease,
    @DefaultValue("50ms") Duration relayInterval,
    @DefaultValue("500") int relayBatch,
    @DefaultValue("7318140521736405") long relayLockKey,
    @DefaultValue("1s") Duration relayStandbyInterval,
    @DefaultValue("reconciler") String source,
    @DefaultValue("5") int finalQueryAttempts,
    @DefaultValue("30s") Duration callbackRequeryAfter,
    @DefaultValue("4") int transientRetries,
    @DefaultValue("30m") Duration databaseOutagePatience,
    @DefaultValue("30s") Duration deadLetterSendTimeout,
    @DefaultValue("6") int topicPartitions) {

  public LadderSchedule ladderSchedule() {
    return new LadderSchedule(ladder, finalRetry);
  }

  public FinalQueryLimit finalQueryLimit() {
    return new FinalQueryLimit(finalQueryAttempts, finalRetry);
  }
}
