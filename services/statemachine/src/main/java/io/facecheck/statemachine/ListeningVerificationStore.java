package io.facecheck.statemachine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A {@link VerificationStore} that tells a {@link StatusChangeListener} about each status change it
 * persisted: new rows (RECEIVED, or REJECTED at once) and every {@link StatusChange} whose
 * compare-and-set won. A lost compare-and-set, a note or a field change is not a status change.
 */
public final class ListeningVerificationStore implements VerificationStore {

  private final VerificationStore delegate;
  private final StatusChangeListener listener;

  public ListeningVerificationStore(VerificationStore delegate, StatusChangeListener listener) {
    this.delegate = delegate;
    this.listener = listener;
  }

  @Override
  public CreateOutcome create(NewVerification verification, String source) {
    return created(delegate.create(verification, source));
  }

  @Override
  public CreateOutcome createThen(
      NewVerification verification, Function<Verification, StatusChange> first, String source) {
    AtomicReference<StatusChange> move = new AtomicReference<>();
    CreateOutcome outcome =
        delegate.createThen(
            verification,
            received -> {
              move.set(first.apply(received));
              return move.get();
            },
            source);
    if (outcome instanceof CreateOutcome.Created) {
      // two status changes in one transaction: each is counted, as if written apart
      listener.statusChanged(null, move.get().before());
      listener.statusChanged(move.get().from(), move.get().after());
    }
    return outcome;
  }

  @Override
  public CreateOutcome createRejected(NewRejection rejection, String source) {
    return created(delegate.createRejected(rejection, source));
  }

  @Override
  public boolean apply(Change change, String source) {
    boolean applied = delegate.apply(change, source);
    if (applied && change instanceof StatusChange status) {
      listener.statusChanged(status.from(), status.after());
    }
    return applied;
  }

  @Override
  public Optional<Verification> find(UUID id) {
    return delegate.find(id);
  }

  @Override
  public Optional<Verification> findByRequest(String clientId, String requestId) {
    return delegate.findByRequest(clientId, requestId);
  }

  @Override
  public boolean recordNote(UUID id, String cause, String source, Map<String, String> details) {
    return delegate.recordNote(id, cause, source, details);
  }

  @Override
  public List<Verification> claimDueQueries(Instant now, int limit, Duration lease) {
    return delegate.claimDueQueries(now, limit, lease);
  }

  @Override
  public boolean requestReplay(UUID id, long version, String source) {
    return delegate.requestReplay(id, version, source);
  }

  @Override
  public boolean replayRequested(Verification verification) {
    return delegate.replayRequested(verification);
  }

  @Override
  public List<Transition> timeline(UUID id) {
    return delegate.timeline(id);
  }

  private CreateOutcome created(CreateOutcome outcome) {
    if (outcome instanceof CreateOutcome.Created created) {
      listener.statusChanged(null, created.verification());
    }
    return outcome;
  }
}
