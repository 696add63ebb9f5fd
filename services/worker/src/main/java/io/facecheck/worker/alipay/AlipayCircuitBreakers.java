package io.facecheck.worker.alipay;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * One resilience4j circuit breaker per Alipay app. It counts transient and unknown outcomes as
 * failures (everything else, even a configuration error, shows Alipay is answering); when it opens,
 * calls stop and {@link AlipayRetry} answers {@link AlipayOutcome.Unavailable} until the half-open
 * probes find Alipay back. Listeners hear every state change (the Kafka side pauses consumers).
 */
public final class AlipayCircuitBreakers {

  private final CircuitBreakerRegistry registry;
  private final Duration waitInOpen;
  private final Duration halfOpenRecheck;
  private final Clock clock;
  private final boolean enabled;
  private final Map<String, CircuitBreaker> byApp = new ConcurrentHashMap<>();
  private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<BiConsumer<String, CircuitBreaker.State>> listeners =
      new CopyOnWriteArrayList<>();

  public AlipayCircuitBreakers(CircuitBreakerSettings settings, Clock clock) {
    this.clock = clock;
    this.enabled = settings.enabled();
    this.waitInOpen = settings.waitInOpen();
    this.halfOpenRecheck = settings.halfOpenRecheck();
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(settings.slidingWindow())
            .minimumNumberOfCalls(settings.minimumCalls())
            .failureRateThreshold(settings.failureRateThreshold())
            .waitDurationInOpenState(settings.waitInOpen())
            .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
            // half-open on a timer, not on the next call: paused consumers make no calls
            .automaticTransitionFromOpenToHalfOpenEnabled(true)
            .build();
    // a registry, so metrics bind every breaker, those created later included
    this.registry = CircuitBreakerRegistry.of(config);
  }

  /** Breakers that never open: for tools and tests of other things. */
  public static AlipayCircuitBreakers disabled() {
    return new AlipayCircuitBreakers(CircuitBreakerSettings.off(), Clock.systemUTC());
  }

  public boolean enabled() {
    return enabled;
  }

  /** The app's breaker, created on first use. */
  public CircuitBreaker forApp(String app) {
    return byApp.computeIfAbsent(app, this::create);
  }

  /** False when the breaker is not closed: Alipay counts as down for this app. */
  public boolean isUp(String app) {
    if (!enabled) {
      return true;
    }
    CircuitBreaker.State state = forApp(app).getState();
    return state == CircuitBreaker.State.CLOSED || state == CircuitBreaker.State.DISABLED;
  }

  public boolean permits(String app) {
    return !enabled || forApp(app).tryAcquirePermission();
  }

  /** True when every one of {@code apps} has an open breaker. */
  public boolean allOpen(Set<String> apps) {
    return enabled
        && !apps.isEmpty()
        && apps.stream().allMatch(a -> forApp(a).getState() == CircuitBreaker.State.OPEN);
  }

  /** When a held call is worth trying again: when the open breaker goes half-open, or soon. */
  public Instant retryAfter(String app) {
    Instant now = clock.instant();
    Instant opened = openedAt.get(app);
    if (opened != null && forApp(app).getState() == CircuitBreaker.State.OPEN) {
      Instant halfOpen = opened.plus(waitInOpen);
      return halfOpen.isAfter(now) ? halfOpen : now.plus(halfOpenRecheck);
    }
    return now.plus(halfOpenRecheck);
  }

  /** Every breaker created so far, and each one created later: for metrics. */
  public CircuitBreakerRegistry registry() {
    return registry;
  }

  /** {@code listener} hears (app, new state) on every transition, on the thread that caused it. */
  public void onStateChange(BiConsumer<String, CircuitBreaker.State> listener) {
    listeners.add(listener);
  }

  private CircuitBreaker create(String app) {
    CircuitBreaker breaker = registry.circuitBreaker("alipay-" + app);
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              CircuitBreaker.State to = event.getStateTransition().getToState();
              if (to == CircuitBreaker.State.OPEN) {
                openedAt.put(app, clock.instant());
              }
              listeners.forEach(l -> l.accept(app, to));
            });
    return breaker;
  }
}
