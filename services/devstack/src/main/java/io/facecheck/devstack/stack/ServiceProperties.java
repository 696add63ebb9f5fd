package io.facecheck.devstack.stack;

import io.facecheck.devstack.infra.Postgres;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings each service is started with: the same Spring and {@code facecheck.*} properties its
 * README documents for running it alone, filled in with this stack's ports and keys.
 */
public final class ServiceProperties {

  private final StackSettings settings;
  private final Secrets secrets;
  private final String bootstrapServers;
  private final String jdbcUrl;
  private final String dbUser;
  private final String dbPassword;
  private final String gatewayUrl;
  private final WorkerAlipaySettings workerAlipay;

  public ServiceProperties(
      StackSettings settings,
      Secrets secrets,
      String bootstrapServers,
      String jdbcUrl,
      String gatewayUrl,
      String alipayPublicKey) {
    this(
        settings,
        secrets,
        bootstrapServers,
        jdbcUrl,
        Postgres.USER,
        Postgres.PASSWORD,
        gatewayUrl,
        alipayPublicKey);
  }

  /** For a database other than the stack's own {@link Postgres}. */
  public ServiceProperties(
      StackSettings settings,
      Secrets secrets,
      String bootstrapServers,
      String jdbcUrl,
      String dbUser,
      String dbPassword,
      String gatewayUrl,
      String alipayPublicKey) {
    this(
        settings,
        secrets,
        bootstrapServers,
        jdbcUrl,
        dbUser,
        dbPassword,
        gatewayUrl,
        WorkerAlipaySettings.publicKey(alipayPublicKey));
  }

  /** With the app in any mode: certificates and the AES key as the simulator issued them. */
  public ServiceProperties(
      StackSettings settings,
      Secrets secrets,
      String bootstrapServers,
      String jdbcUrl,
      String dbUser,
      String dbPassword,
      String gatewayUrl,
      WorkerAlipaySettings workerAlipay) {
    this.settings = settings;
    this.secrets = secrets;
    this.bootstrapServers = bootstrapServers;
    this.jdbcUrl = jdbcUrl;
    this.dbUser = dbUser;
    this.dbPassword = dbPassword;
    this.gatewayUrl = gatewayUrl;
    this.workerAlipay = workerAlipay;
  }

  /** What every service shares: where Kafka and PostgreSQL are, and the shared secrets. */
  public Map<String, String> common() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.kafka.bootstrap-servers", bootstrapServers);
    p.put("spring.datasource.url", jdbcUrl);
    p.put("spring.datasource.username", dbUser);
    p.put("spring.datasource.password", dbPassword);
    p.put("facecheck.callback.secret", secrets.callbackSecret());
    p.put("facecheck.callback.base-url", intakeUrl() + "/v1/callbacks/alipay/return");
    p.put("facecheck.request-hash.key", secrets.requestHashKey());
    p.put("spring.main.banner-mode", "off");
    // the dev stack stops the services itself, in order, before the broker goes
    p.put("spring.main.register-shutdown-hook", "false");
    // the logging system is shared by the whole JVM: quiet the broker's chatter everywhere (the
    // worker keeps the Alipay SDK's PII-carrying call logs off itself)
    p.put("logging.level.org.apache.kafka", "WARN");
    p.put("logging.level.kafka", "WARN");
    p.put("logging.level.state.change.logger", "WARN");
    return p;
  }

  public Map<String, String> intake() {
    Map<String, String> p = common();
    p.put("server.port", String.valueOf(settings.intakePort()));
    p.put("facecheck.intake.clients." + secrets.clientId() + ".token", secrets.clientToken());
    return withExtras(p);
  }

  public Map<String, String> worker() {
    Map<String, String> p = common();
    p.put("server.port", String.valueOf(settings.workerPort()));
    p.put("spring.flyway.enabled", "true");
    p.put("facecheck.pii.keys", secrets.piiKeys());
    p.put("facecheck.pii.active-key-id", secrets.piiActiveKeyId());
    p.put("facecheck.worker.instance", "devstack");
    p.put("facecheck.worker.topic-partitions", String.valueOf(settings.partitions()));
    p.put("facecheck.worker.first-query-delay", settings.ladder().get(0).toMillis() + "ms");
    if (settings.workerMaxInFlight() > 0) {
      p.put("facecheck.worker.max-in-flight", String.valueOf(settings.workerMaxInFlight()));
    }
    // the one setting that says which Alipay this is: the worker refuses an app pointing elsewhere
    p.put("facecheck.worker.alipay.environment", "simulator");
    String app = "facecheck.worker.alipay.apps.default.";
    p.put(app + "app-id", secrets.appId());
    p.put(app + "private-key", secrets.appPrivateKeyBase64());
    p.putAll(workerAlipay.properties(app));
    p.put(app + "gateway-url", gatewayUrl);
    p.put(app + "sign-type", "RSA2");
    return withExtras(p);
  }

  /** Reconciler {@code index} (0-based) of {@code settings.reconcilers()}. */
  public Map<String, String> reconciler(int index, int managementPort) {
    Map<String, String> p = common();
    p.put("management.server.port", String.valueOf(managementPort));
    p.put("server.port", String.valueOf(managementPort));
    p.put("facecheck.reconciler.source", "reconciler@devstack-" + (index + 1));
    p.put("facecheck.reconciler.ladder", ladder());
    return withExtras(p);
  }

  public String intakeUrl() {
    return "http://localhost:" + settings.intakePort();
  }

  /**
   * The reconciler's steps count from AWAITING_USER, like the worker's first step, so it gets the
   * whole list: its first entry is the step the worker already scheduled.
   */
  private String ladder() {
    List<Duration> ladder = settings.ladder();
    return ladder.stream().map(d -> d.toMillis() + "ms").collect(Collectors.joining(","));
  }

  private Map<String, String> withExtras(Map<String, String> p) {
    p.putAll(settings.extraProperties());
    return p;
  }
}
