package io.facecheck.statemachine.metrics;

import io.facecheck.statemachine.Change;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.NewRejection;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** A store whose compare-and-set always wins, or always loses; nothing else is used. */
final class AnsweringStore implements VerificationStore {

  private final boolean applies;

  AnsweringStore(boolean applies) {
    this.applies = applies;
  }

  @Override
  public boolean apply(Change change, String source) {
    return applies;
  }

  @Override
  public CreateOutcome create(NewVerification verification, String source) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CreateOutcome createThen(
      NewVerification verification, Function<Verification, StatusChange> first, String source) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CreateOutcome createRejected(NewRejection rejection, String source) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<Verification> find(UUID id) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<Verification> findByRequest(String clientId, String requestId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean recordNote(UUID id, String cause, String source, Map<String, String> details) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Verification> claimDueQueries(Instant now, int limit, Duration lease) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean requestReplay(UUID id, long version, String source) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean replayRequested(Verification verification) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Transition> timeline(UUID id) {
    throw new UnsupportedOperationException();
  }
}
