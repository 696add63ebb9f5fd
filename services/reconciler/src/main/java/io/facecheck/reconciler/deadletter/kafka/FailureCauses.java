package io.facecheck.reconciler.deadletter.kafka;

import java.util.HashSet;
import java.util.Set;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/** The failure a listener reported, out of the wrappers the container puts around it. */
final class FailureCauses {

  private FailureCauses() {}

  static Throwable unwrap(Throwable failure) {
    Set<Throwable> seen = new HashSet<>();
    Throwable t = failure;
    while ((t instanceof ListenerExecutionFailedException
            || t instanceof BatchListenerFailedException)
        && t.getCause() != null
        && seen.add(t)) {
      t = t.getCause();
    }
    return t;
  }
}
