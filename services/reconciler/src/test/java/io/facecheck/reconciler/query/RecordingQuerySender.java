package io.facecheck.reconciler.query;

import io.facecheck.contracts.query.VerificationQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@link QueryCommands} without Kafka: records what the use cases send, and acknowledges the
 * queries {@link #acknowledging} lets through (all by default), as a broker that took some of a
 * batch would.
 */
public final class RecordingQuerySender implements QueryCommands {

  private final List<VerificationQuery> sent = new ArrayList<>();
  private Predicate<VerificationQuery> acknowledged = q -> true;

  /** From now on only queries matching {@code acknowledged} count as sent. */
  public void acknowledging(Predicate<VerificationQuery> acknowledged) {
    this.acknowledged = acknowledged;
  }

  @Override
  public synchronized List<VerificationQuery> sendAll(List<VerificationQuery> queries) {
    sent.addAll(queries);
    return queries.stream().filter(acknowledged).toList();
  }

  /** Every query handed over, acknowledged or not. */
  public synchronized List<VerificationQuery> sent() {
    return List.copyOf(sent);
  }
}
