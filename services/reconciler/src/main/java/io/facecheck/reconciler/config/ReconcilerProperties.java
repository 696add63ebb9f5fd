package io.facecheck.reconciler.config;

import io.facecheck.reconciler.ladder.LadderSchedule;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code facecheck.reconciler.*}, with their defaults in one place.
 *
 * @param ladder query offsets after AWAITING_USER (DESIGN.md §6); a final query follows at expiry
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
    @DefaultValue("reconciler") String source) {

  public LadderSchedule ladderSchedule() {
    return new LadderSchedule(ladder, finalRetry);
  }
}
