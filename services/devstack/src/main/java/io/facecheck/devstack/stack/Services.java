package io.facecheck.devstack.stack;

import io.facecheck.intake.IntakeApplication;
import io.facecheck.reconciler.ReconcilerApplication;
import io.facecheck.worker.WorkerApplication;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Intake, worker and reconcilers, each its own Spring application in this JVM. The worker starts
 * first (it migrates the schema); the others then start side by side.
 */
public final class Services implements AutoCloseable {

  private final List<ConfigurableApplicationContext> contexts;

  private Services(List<ConfigurableApplicationContext> contexts) {
    this.contexts = contexts;
  }

  public static Services start(StackSettings settings, ServiceProperties properties) {
    List<ConfigurableApplicationContext> started = Collections.synchronizedList(new ArrayList<>());
    Services services = new Services(started);
    try {
      started.add(run(WorkerApplication.class, properties.worker(), null));
      List<CompletableFuture<ConfigurableApplicationContext>> others = new ArrayList<>();
      for (int i = 0; i < settings.reconcilers(); i++) {
        Map<String, String> reconciler = properties.reconciler(i, settings.reconcilerPort(i));
        others.add(
            CompletableFuture.supplyAsync(
                () -> run(ReconcilerApplication.class, reconciler, settings.reconcilerClock())));
      }
      others.add(
          CompletableFuture.supplyAsync(
              () -> run(IntakeApplication.class, properties.intake(), null)));
      RuntimeException failure = null;
      for (CompletableFuture<ConfigurableApplicationContext> other : others) {
        try {
          started.add(other.join());
        } catch (RuntimeException e) {
          failure = failure == null ? e : failure;
        }
      }
      if (failure != null) {
        throw failure;
      }
      return services;
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
  }

  /**
   * Settings go in as command-line arguments: they outrank every property file a service ships, as
   * they would for {@code java -jar}.
   */
  private static ConfigurableApplicationContext run(
      Class<?> application, Map<String, String> properties, Clock clock) {
    SpringApplicationBuilder builder = new SpringApplicationBuilder(application);
    if (clock != null) {
      // the service's own Clock bean steps aside (@ConditionalOnMissingBean)
      builder.initializers(
          context ->
              ((GenericApplicationContext) context)
                  .registerBean("clock", Clock.class, () -> clock));
    }
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return builder.run(args);
  }

  /** Stops the services, the last started first, so nothing publishes into a closing broker. */
  @Override
  public void close() {
    List<ConfigurableApplicationContext> reversed = new ArrayList<>(contexts);
    Collections.reverse(reversed);
    for (ConfigurableApplicationContext context : reversed) {
      try {
        context.close();
      } catch (RuntimeException e) {
        System.err.println("devstack: stopping " + context.getId() + " failed: " + e);
      }
    }
  }
}
