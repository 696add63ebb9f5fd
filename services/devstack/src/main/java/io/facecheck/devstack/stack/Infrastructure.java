package io.facecheck.devstack.stack;

import io.facecheck.devstack.infra.Broker;
import io.facecheck.devstack.infra.DevTopics;
import io.facecheck.devstack.infra.KafkaBroker;
import io.facecheck.devstack.infra.KafkaProcess;
import io.facecheck.devstack.infra.Postgres;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import io.facecheck.simulator.certificates.Pem;
import io.facecheck.simulator.gateway.AppMode;
import io.facecheck.simulator.gateway.AppRegistration;
import io.facecheck.simulator.gateway.RegisteredApp;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What the services run against: a Kafka broker, PostgreSQL and the Alipay simulator, with the
 * app's public key registered. Kafka and PostgreSQL start side by side: each takes seconds.
 */
public record Infrastructure(
    Broker kafka, Postgres postgres, AlipaySimulator simulator, WorkerAlipaySettings workerAlipay)
    implements AutoCloseable {

  /** Starts all three; {@code settings} must have its free ports resolved. */
  public static Infrastructure start(StackSettings settings, Secrets secrets) {
    return start(settings, secrets, false);
  }

  /**
   * With {@code restartable}, Kafka runs as its own process with its log in {@code
   * <data-dir>/kafka} ({@link KafkaProcess}), so it can be stopped and started again keeping its
   * records; otherwise in this JVM on a temporary log.
   */
  public static Infrastructure start(StackSettings settings, Secrets secrets, boolean restartable) {
    CompletableFuture<Broker> kafka =
        CompletableFuture.supplyAsync(
            () ->
                restartable
                    ? KafkaProcess.startFresh(
                        settings.dataDirectory().resolve("kafka"),
                        settings.kafkaPort(),
                        settings.partitions(),
                        DevTopics.all(settings.partitions()))
                    : KafkaBroker.start(
                        settings.kafkaPort(),
                        settings.partitions(),
                        DevTopics.all(settings.partitions())));
    CompletableFuture<Postgres> postgres =
        CompletableFuture.supplyAsync(
            () ->
                Postgres.start(
                    settings.postgresPort(),
                    settings.dataDirectory().resolve("pg").toAbsolutePath()));
    AlipaySimulator simulator = null;
    try {
      simulator =
          AlipaySimulator.start(
              SimulatorConfig.defaults()
                  .withPort(settings.simulatorPort())
                  .withScenario(settings.scenario()));
      WorkerAlipaySettings workerAlipay = registerApp(simulator, secrets, settings.alipay());
      return new Infrastructure(kafka.join(), postgres.join(), simulator, workerAlipay);
    } catch (RuntimeException e) {
      closeQuietly(simulator);
      kafka.thenAccept(Broker::close).exceptionally(ignored -> null);
      postgres.thenAccept(Postgres::close).exceptionally(ignored -> null);
      throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause
          ? cause
          : e;
    }
  }

  /** Registers the app in the mode asked for; answers what the worker must be told. */
  private static WorkerAlipaySettings registerApp(
      AlipaySimulator simulator, Secrets secrets, AlipaySetup setup) {
    String aesKey = setup.encrypt() ? aesKey() : null;
    RegisteredApp app =
        simulator.registerApp(
            new AppRegistration(
                secrets.appId(),
                secrets.appPublicKeyBase64(),
                setup.certificate() ? AppMode.CERTIFICATE : AppMode.PUBLIC_KEY,
                aesKey,
                false));
    if (!setup.certificate()) {
      return new WorkerAlipaySettings(simulator.alipayPublicKeyBase64(), null, null, null, aesKey);
    }
    return new WorkerAlipaySettings(
        null,
        Pem.of(app.newest().certificate()),
        simulator.alipayCertificatePem(),
        simulator.rootCertificatePem(),
        aesKey);
  }

  private static String aesKey() {
    byte[] key = new byte[16];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  /** Stops the simulator, PostgreSQL, then Kafka (before the JVM's own hooks race it). */
  @Override
  public void close() {
    closeQuietly(simulator);
    closeQuietly(postgres);
    closeQuietly(kafka);
  }

  private static void closeQuietly(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      System.err.println("devstack: stopping " + resource + " failed: " + e);
    }
  }
}
