package io.facecheck.ops.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConnectionOptionsTest {

  @Command
  static final class Probe {
    @Mixin ConnectionOptions connection;
  }

  private static ConnectionSettings resolve(Map<String, String> env, String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.connection.resolve(env);
  }

  @Test
  void defaultsToTheDevStack() {
    ConnectionSettings settings = resolve(Map.of());

    assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:55432/facecheck");
    assertThat(settings.user()).isEqualTo("facecheck");
    assertThat(settings.password()).isEqualTo("facecheck");
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void readsTheEnvironmentTheServicesRead() {
    ConnectionSettings settings =
        resolve(
            Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "k:1",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5/x",
                "SPRING_DATASOURCE_USERNAME", "u",
                "SPRING_DATASOURCE_PASSWORD", "p"));

    assertThat(settings)
        .isEqualTo(
            new ConnectionSettings(
                "k:1", "jdbc:postgresql://db:5/x", "u", "p", Duration.ofSeconds(15)));
  }

  @Test
  void optionsWinOverTheEnvironment() {
    ConnectionSettings settings =
        resolve(
            Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "k:1", "SPRING_DATASOURCE_PASSWORD", "p"),
            "--bootstrap-servers=b:2",
            "--jdbc-url=jdbc:postgresql://o:3/y",
            "--db-user=ou",
            "--db-password=op",
            "--timeout-seconds=3");

    assertThat(settings)
        .isEqualTo(
            new ConnectionSettings(
                "b:2", "jdbc:postgresql://o:3/y", "ou", "op", Duration.ofSeconds(3)));
    assertThat(settings.toString()).doesNotContain("op]").doesNotContain("password");
  }
}
