package io.facecheck.ops.connection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The connection options every command takes. An option given wins, then the environment variable
 * the services read (so the lines {@code devstack infra} prints work here too), then the dev
 * stack's default.
 */
public final class ConnectionOptions {

  public static final String KAFKA_ENV = "SPRING_KAFKA_BOOTSTRAP_SERVERS";
  public static final String JDBC_URL_ENV = "SPRING_DATASOURCE_URL";
  public static final String USER_ENV = "SPRING_DATASOURCE_USERNAME";
  public static final String PASSWORD_ENV = "SPRING_DATASOURCE_PASSWORD";
  public static final String KAFKA_PROPERTIES_ENV = "FACECHECK_OPS_KAFKA_PROPERTIES";

  static final String DEFAULT_KAFKA = "localhost:9092";
  static final String DEFAULT_JDBC_URL = "jdbc:postgresql://localhost:55432/facecheck";
  static final String DEFAULT_USER = "facecheck";
  static final String DEFAULT_PASSWORD = "facecheck";

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT,…",
      description = "Kafka brokers (env " + KAFKA_ENV + ", default " + DEFAULT_KAFKA + ")")
  String bootstrapServers;

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description = "PostgreSQL (env " + JDBC_URL_ENV + ", default " + DEFAULT_JDBC_URL + ")")
  String jdbcUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description = "database user (env " + USER_ENV + ", default " + DEFAULT_USER + ")")
  String user;

  @Option(
      names = "--db-password",
      paramLabel = "PASSWORD",
      description =
          "database password (env " + PASSWORD_ENV + ", default " + DEFAULT_PASSWORD + ")")
  String password;

  @Option(
      names = "--kafka-properties",
      paramLabel = "FILE",
      description =
          "Kafka client properties (security.protocol, sasl.*, ssl.*) for every Kafka client,"
              + " e.g. to reach a SASL/TLS cluster (env "
              + KAFKA_PROPERTIES_ENV
              + ")")
  Path kafkaProperties;

  @Option(
      names = "--timeout-seconds",
      paramLabel = "N",
      defaultValue = "15",
      description = "how long to wait for Kafka or PostgreSQL before giving up (default 15)")
  int timeoutSeconds;

  public ConnectionSettings resolve(Map<String, String> env) {
    String file =
        pick(
            kafkaProperties == null ? null : kafkaProperties.toString(),
            env.get(KAFKA_PROPERTIES_ENV),
            null);
    Map<String, String> clientProperties =
        file == null ? Map.of() : KafkaPropertiesFile.read(Path.of(file));
    return new ConnectionSettings(
        // an option or the environment, then the file's bootstrap.servers, then the dev stack
        pick(
            bootstrapServers,
            env.get(KAFKA_ENV),
            clientProperties.getOrDefault("bootstrap.servers", DEFAULT_KAFKA)),
        pick(jdbcUrl, env.get(JDBC_URL_ENV), DEFAULT_JDBC_URL),
        pick(user, env.get(USER_ENV), DEFAULT_USER),
        pick(password, env.get(PASSWORD_ENV), DEFAULT_PASSWORD),
        Duration.ofSeconds(Math.max(1, timeoutSeconds)),
        clientProperties);
  }

  private static String pick(String option, String env, String fallback) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    return env != null && !env.isBlank() ? env : fallback;
  }
}
