package io.facecheck.worker.retry.kafka;

import io.facecheck.worker.alipay.AlipayCircuitBreakers;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * While the circuit breaker of every configured app is open, there is nobody to call: the worker's
 * consumers pause (they keep polling, so they keep their partitions) and records wait in Kafka
 * instead of being taken only to be parked. When any breaker goes half-open, they resume. With
 * several apps, one app's outage pauses nothing: its records are parked on the retry topics,
 * spending no retry, while the other apps' records flow.
 */
public final class OutagePauses {

  private static final Logger log = LoggerFactory.getLogger(OutagePauses.class);

  private final AlipayCircuitBreakers breakers;
  private final Set<String> apps;
  private final Supplier<Collection<MessageListenerContainer>> containers;
  private boolean paused;

  public OutagePauses(
      AlipayCircuitBreakers breakers,
      Set<String> apps,
      Supplier<Collection<MessageListenerContainer>> containers) {
    this.breakers = breakers;
    this.apps = Set.copyOf(apps);
    this.containers = containers;
    breakers.onStateChange((app, state) -> reconsider());
  }

  /** Pauses or resumes every consumer as the breakers say; idempotent. */
  public synchronized void reconsider() {
    boolean allDown = breakers.allOpen(apps);
    if (allDown && !paused) {
      log.warn("Alipay is down for every app {}: consumers paused", apps);
      containers.get().forEach(MessageListenerContainer::pause);
      paused = true;
    } else if (!allDown && paused) {
      log.info("Alipay may be back: consumers resumed");
      containers.get().forEach(MessageListenerContainer::resume);
      paused = false;
    }
  }

  public synchronized boolean paused() {
    return paused;
  }
}
