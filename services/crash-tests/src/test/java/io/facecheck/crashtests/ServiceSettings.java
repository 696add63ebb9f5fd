package io.facecheck.crashtests;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings each child service starts with: the properties its README documents, filled in with
 * this run's ports and keys, and a short ladder so the reconciler decides within seconds.
 */
record ServiceSettings(
    SharedKeys keys,
    String bootstrapServers,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    String gatewayUrl,
    String alipayPublicKey,
    int intakePort,
    int workerPort,
    int reconcilerPort) {

  static final String INTAKE_CLIENT = "crash-http";

  /**
   * Intake and reconciler would otherwise also load the worker's application.yml, which shares
   * their classpath here (the devstack does the same).
   */
  private static final String NO_SHARED_CONFIG = "facecheck-crash-tests-none";

  /** Where Kafka and PostgreSQL are, the shared secrets, and quick failure detection. */
  Map<String, String> common() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.kafka.bootstrap-servers", bootstrapServers);
    p.put("spring.datasource.url", jdbcUrl);
    p.put("spring.datasource.username", dbUser);
    p.put("spring.datasource.password", dbPassword);
    p.put("facecheck.callback.secret", keys.callbackSecret());
    p.put("facecheck.callback.base-url", intakeUrl() + "/v1/callbacks/alipay/return");
    p.put("facecheck.request-hash.key", keys.requestHashKey());
    // a killed consumer's partitions go to its successor after 6 s, not Kafka's default 45 s
    p.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
    p.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
    p.put("spring.main.banner-mode", "off");
    p.put("logging.level.org.apache.kafka", "WARN");
    p.put("logging.level.kafka", "WARN");
    return p;
  }

  Map<String, String> worker(String instance) {
    Map<String, String> p = common();
    p.put("server.port", String.valueOf(workerPort));
    p.put("facecheck.pii.keys", keys.piiKeys());
    p.put("facecheck.pii.active-key-id", keys.piiActiveKeyId());
    p.put("facecheck.worker.instance", instance);
    p.put("facecheck.worker.first-query-delay", "2s");
    String app = "facecheck.worker.alipay.apps.default.";
    p.put(app + "app-id", keys.appId());
    p.put(app + "private-key", keys.appPrivateKeyBase64());
    p.put(app + "alipay-public-key", alipayPublicKey);
    p.put(app + "gateway-url", gatewayUrl);
    p.put(app + "sign-type", "RSA2");
    return p;
  }

  Map<String, String> reconciler(String instance) {
    Map<String, String> p = common();
    p.put("spring.config.name", NO_SHARED_CONFIG);
    p.put("management.server.port", String.valueOf(reconcilerPort));
    p.put("server.port", String.valueOf(reconcilerPort));
    p.put("facecheck.reconciler.source", "reconciler@" + instance);
    // the first step is the one the worker schedules (first-query-delay)
    p.put("facecheck.reconciler.ladder", "2s,4s,8s,16s");
    p.put("facecheck.reconciler.ladder-interval", "200ms");
    p.put("facecheck.reconciler.claim-lease", "3s");
    p.put("facecheck.reconciler.final-retry", "5s");
    // small relay batches: a burst of events takes many rounds, so a kill lands inside one
    p.put("facecheck.reconciler.relay-batch", "10");
    p.put("facecheck.reconciler.relay-standby-interval", "200ms");
    return p;
  }

  Map<String, String> intake() {
    Map<String, String> p = common();
    p.put("spring.config.name", NO_SHARED_CONFIG);
    p.put("server.port", String.valueOf(intakePort));
    p.put("facecheck.intake.clients." + INTAKE_CLIENT + ".token", keys.intakeToken());
    return p;
  }

  String intakeUrl() {
    return "http://localhost:" + intakePort;
  }

  @Override
  public String toString() {
    return "ServiceSettings[kafka=" + bootstrapServers + ", db=" + jdbcUrl + "]";
  }
}
