package io.facecheck.crashtests;

import io.facecheck.crashtests.IntakeDoor.Attempt;
import io.facecheck.crashtests.ReturningUsers.Return;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happened around one PostgreSQL pause, as the test saw it from outside the services.
 *
 * @param pausedAt SIGSTOP sent to every PostgreSQL process
 * @param resumedAt SIGCONT sent
 * @param returns the users the test sent back during the pause
 * @param posts every POST to intake, retries included
 * @param returnsDecided when every user who returned during the pause had a final status
 * @param settled when every request was final and every outbox row published
 */
record PauseRun(
    RequestBatch batch,
    Instant pausedAt,
    Instant resumedAt,
    int processesStopped,
    List<Return> returns,
    List<Attempt> posts,
    int producedDuringPause,
    Optional<Instant> returnsDecided,
    Optional<Instant> settled) {

  PauseRun recovered(Optional<Instant> whenReturnsDecided, Optional<Instant> whenSettled) {
    return new PauseRun(
        batch,
        pausedAt,
        resumedAt,
        processesStopped,
        returns,
        posts,
        producedDuringPause,
        whenReturnsDecided,
        whenSettled);
  }

  Duration pause() {
    return Duration.between(pausedAt, resumedAt);
  }

  boolean duringPause(Instant moment) {
    return !moment.isBefore(pausedAt) && moment.isBefore(resumedAt);
  }

  List<Return> returnsDuringPause() {
    return returns.stream().filter(r -> r.startedBetween(pausedAt, resumedAt)).toList();
  }

  List<Attempt> postsDuringPause() {
    return posts.stream().filter(a -> duringPause(a.sentAt())).toList();
  }

  Optional<Duration> afterResume(Optional<Instant> moment) {
    return moment.map(m -> Duration.between(resumedAt, m));
  }
}
