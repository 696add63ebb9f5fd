package io.facecheck.devstack.stack;

import io.facecheck.devstack.infra.Postgres;
import io.facecheck.simulator.AlipaySimulator;

/** The whole pipeline on this machine: infrastructure, keys and services, stopped in order. */
public final class Stack implements AutoCloseable {

  private final StackSettings settings;
  private final Secrets secrets;
  private final Infrastructure infrastructure;
  private final ServiceProperties properties;
  private final Services services;

  private Stack(
      StackSettings settings,
      Secrets secrets,
      Infrastructure infrastructure,
      ServiceProperties properties,
      Services services) {
    this.settings = settings;
    this.secrets = secrets;
    this.infrastructure = infrastructure;
    this.properties = properties;
    this.services = services;
  }

  /** Kafka, PostgreSQL and the simulator only, for services started separately. */
  public static Stack startInfrastructure(StackSettings requested) {
    return start(requested, false, false);
  }

  /**
   * Kafka (its own process, log kept in {@code <data-dir>/kafka}), PostgreSQL and the simulator,
   * each of the first two able to stop and start again keeping its data.
   */
  public static Stack startRestartableInfrastructure(StackSettings requested) {
    return start(requested, false, true);
  }

  /** Everything: infrastructure, then worker, reconcilers and intake. */
  public static Stack startAll(StackSettings requested) {
    return start(requested, true, false);
  }

  private static Stack start(StackSettings requested, boolean withServices, boolean restartable) {
    StackSettings settings = requested.withFreePortsResolved();
    Secrets secrets = Secrets.generate();
    Infrastructure infrastructure = Infrastructure.start(settings, secrets, restartable);
    ServiceProperties properties =
        new ServiceProperties(
            settings,
            secrets,
            infrastructure.kafka().bootstrapServers(),
            infrastructure.postgres().jdbcUrl(),
            Postgres.USER,
            Postgres.PASSWORD,
            infrastructure.simulator().gatewayUrl(),
            infrastructure.workerAlipay());
    try {
      Services services = withServices ? Services.start(settings, properties) : null;
      return new Stack(settings, secrets, infrastructure, properties, services);
    } catch (RuntimeException e) {
      infrastructure.close();
      throw e;
    }
  }

  public StackSettings settings() {
    return settings;
  }

  public Secrets secrets() {
    return secrets;
  }

  public ServiceProperties serviceProperties() {
    return properties;
  }

  public String bootstrapServers() {
    return infrastructure.kafka().bootstrapServers();
  }

  public Infrastructure infrastructure() {
    return infrastructure;
  }

  public String jdbcUrl() {
    return infrastructure.postgres().jdbcUrl();
  }

  public AlipaySimulator simulator() {
    return infrastructure.simulator();
  }

  public String intakeUrl() {
    return properties.intakeUrl();
  }

  @Override
  public void close() {
    if (services != null) {
      services.close();
    }
    infrastructure.close();
  }
}
